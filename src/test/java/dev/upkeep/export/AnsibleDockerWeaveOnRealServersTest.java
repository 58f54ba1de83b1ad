package dev.upkeep.export;

import dev.upkeep.cli.UpkeepCommand;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.testfleet.CommandResult;
import dev.upkeep.testfleet.DemoPackages;
import dev.upkeep.testfleet.DockerRepo;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.HttpsMirror;
import dev.upkeep.testfleet.OpenSshClient;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import dev.upkeep.testfleet.WeaveScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An export with --docker --weave run by the real {@code ansible-playbook} against the test fleet (Docker's apt
 * repository and a Weave mirror over HTTPS with its own CA, both on loopback), its results read back with plain ssh:
 * what Upkeep's own Docker and Weave upgrades leave. The servers carry unattended-upgrades, so python3 and python3-apt
 * (which ansible.builtin.apt needs) are there.
 */
class AnsibleDockerWeaveOnRealServersTest {
    private static final String RUNNING_DOCKER = "docker version --format '{{.Server.Version}}'";
    private static TestFleet fleet;
    private static DockerRepo docker;
    private static HttpsMirror mirror;
    private static String weaveUrl;
    private static OpenSshClient ssh;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        assumeTrue(Ansible.available(), "ansible-playbook is not installed (scripts/install-test-deps.sh installs ansible-core)");
        fleet = TestFleet.start(FleetOptions.servers(3).allWithUnattendedUpgrades());
        ssh = new OpenSshClient(fleet);
        docker = DockerRepo.start(fleet);
        mirror = HttpsMirror.start();
        weaveUrl = WeaveScripts.publish(mirror, WeaveScripts.OLD, WeaveScripts.NEW);
        for (TestServer s : fleet.servers()) {
            mirror.trustOn(s);
            docker.addTo(s);
            docker.install(s, DockerRepo.OLD);
        }
    }

    @AfterAll
    static void stopFleet() {
        if (docker != null) {
            docker.close();
        }
        if (mirror != null) {
            mirror.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    private static String onServer(TestServer s, String command) {
        CommandResult r = ssh.run(s, "root", command);
        assertThat(r.exitCode()).as(s + ": " + command + "\n" + r.stderr()).isZero();
        return r.stdout().strip();
    }

    private static Application app(Path dir, String name, String manifest, TestServer... servers) throws Exception {
        Files.writeString(dir.resolve(name + "-Manifest.yml"), manifest);
        List<Server> list = new ArrayList<>();
        for (TestServer s : servers) {
            list.add(FleetWorkspaces.server(fleet, s, "root", false));
        }
        return new Application(name, null, name + "-Manifest.yml", null, list);
    }

    /** The mirror is no release Upkeep has pins for: the workspace gives the checksums, as a user of a mirror would. */
    private static Path workspace(Path dir, Application... apps) throws Exception {
        Workspace ws = FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(), List.of(apps));
        ws = new Workspace(ws.file(), ws.settings().withWeaveDownload(weaveUrl, WeaveScripts.checksums(WeaveScripts.OLD, WeaveScripts.NEW)),
                ws.applications());
        new WorkspaceStore().save(ws);
        return ws.file();
    }

    private static void export(Path workspace, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("--workspace", workspace.toString(), "export", "ansible"));
        args.addAll(List.of(options));
        args.add(out.toString());
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cl = UpkeepCommand.commandLine(new UpkeepCommand(new WorkspaceStore(), SshStatusService::new));
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        assertThat(cl.execute(args.toArray(String[]::new))).as(stderr.toString()).isZero();
    }

    @Test
    void dockerAndWeaveGoToEachApplicationsManifestVersionsAndAVersionAptDoesNotOfferFailsOnlyThatServerChangingNothing(
            @TempDir Path dir) throws Exception {
        TestServer held = fleet.server(0);
        TestServer plain = fleet.server(1);
        TestServer unoffered = fleet.server(2);
        onServer(held, "apt-mark hold docker-ce");
        WeaveScripts.install(held, WeaveScripts.OLD, "10.0.0.2", "10.0.0.3"); // a launched router with two peers
        WeaveScripts.install(plain, WeaveScripts.OLD);                       // installed, not running
        WeaveScripts.install(unoffered, WeaveScripts.OLD);
        String launchesBefore = onServer(held, "cat " + "/var/lib/weave-standin/launches");
        Path ws = workspace(dir,
                app(dir, "shop", "docker:\n  configuration:\n    docker_version: 25.0.3\n    weave_version: '2.8.1'\n", held, plain),
                app(dir, "api", "docker:\n  configuration:\n    docker_version: 99.0.1\n    weave_version: 2.8.1\n", unoffered));
        Path out = dir.resolve("ansible");
        export(ws, out, "--docker", "--weave");

        // --check reads apt's lists as they are (Ansible refreshes none in check mode), as Upkeep's preview does.
        for (TestServer s : fleet.servers()) {
            onServer(s, "apt-get -q update");
        }
        Ansible.Result check = Ansible.playbook(out, dir, "--check");
        assertThat(check.output()).as(check.output()).contains("Docker 99.0.1 is not offered by apt on srv03");
        for (TestServer s : fleet.servers()) {
            assertThat(onServer(s, RUNNING_DOCKER)).as("--check changes nothing").isEqualTo("24.0.7");
            assertThat(onServer(s, "weave version")).as("--check changes nothing").startsWith("weave script 2.8.0");
        }

        Ansible.Result run = Ansible.playbook(out, dir);
        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("Docker 99.0.1 is not offered by apt on srv03 (apt-cache madison docker-ce lists "
                + DockerRepo.NEW + ", " + DockerRepo.OLD + "). Nothing was installed.")
                .containsPattern("srv01 +: ok=\\d+ +changed=\\d+ +unreachable=0 +failed=0")
                .containsPattern("srv03 +: ok=\\d+ +changed=0 +unreachable=0 +failed=1");
        for (TestServer s : List.of(held, plain)) {
            assertThat(onServer(s, "dpkg-query -W -f='${Version}' docker-ce")).isEqualTo(DockerRepo.NEW);
            assertThat(onServer(s, "dpkg-query -W -f='${Version}' docker-ce-cli")).isEqualTo(DockerRepo.NEW);
            assertThat(onServer(s, RUNNING_DOCKER)).as("restarted").isEqualTo("25.0.3");
            assertThat(onServer(s, "stat -c %a /usr/local/bin/weave")).isEqualTo("755");
            assertThat(onServer(s, "sha256sum /usr/local/bin/weave | cut -d ' ' -f 1")).isEqualTo(WeaveScripts.sha256(WeaveScripts.NEW));
            assertThat(onServer(s, "dpkg-query -W -f='${Version}' " + DemoPackages.SECURITY_PACKAGE)).as("untouched").isEqualTo("1.0");
            assertThat(onServer(s, "dpkg-query -W -f='${Version}' " + DemoPackages.OTHER_PACKAGE)).as("untouched").isEqualTo("1.0");
            assertThat(onServer(s, "ls /tmp | grep -c upkeep-weave || true")).as("temporary folder removed").isEqualTo("0");
        }
        assertThat(onServer(held, "apt-mark showhold")).as("held again").isEqualTo("docker-ce");
        assertThat(onServer(held, "weave version")).isEqualTo("weave script 2.8.1\nweave 2.8.1");
        assertThat(onServer(held, "weave status targets")).isEqualTo("10.0.0.2\n10.0.0.3");
        assertThat(onServer(plain, "weave version")).as("not running before: not started").isEqualTo("weave script 2.8.1");
        assertThat(onServer(unoffered, RUNNING_DOCKER)).isEqualTo("24.0.7");
        assertThat(onServer(unoffered, "dpkg-query -W -f='${Version}' docker-ce")).isEqualTo(DockerRepo.OLD);
        assertThat(onServer(unoffered, "weave version")).as("the failed server goes no further").isEqualTo("weave script 2.8.0");

        // Once there, a second run changes nothing and relaunches no router.
        String launches = onServer(held, "cat /var/lib/weave-standin/launches");
        assertThat(launches).isNotEqualTo(launchesBefore);
        Ansible.Result again = Ansible.playbook(out, dir, "--limit", "upkeep_shop");
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).containsPattern("srv01 +: ok=\\d+ +changed=0 ").containsPattern("srv02 +: ok=\\d+ +changed=0 ");
        assertThat(onServer(held, "cat /var/lib/weave-standin/launches")).isEqualTo(launches);
    }

    @Test
    void aWeaveDownloadWhoseChecksumDiffersChangesNothing(@TempDir Path dir) throws Exception {
        TestServer s = fleet.server(2);
        WeaveScripts.install(s, WeaveScripts.OLD);
        String wrong = WeaveScripts.publishAs(mirror, "tampered", WeaveScripts.NEW, WeaveScripts.script("2.6.5"));
        Files.writeString(dir.resolve("m.yml"), "docker:\n  configuration:\n    weave_version: 2.8.1\n");
        Workspace base = FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(),
                List.of(new Application("w", null, "m.yml", null, List.of(FleetWorkspaces.server(fleet, s, "root", false)))));
        Workspace ws = new Workspace(base.file(), base.settings().withWeaveDownload(wrong, WeaveScripts.checksums(WeaveScripts.NEW)),
                base.applications());
        new WorkspaceStore().save(ws);
        Path out = dir.resolve("ansible");
        export(ws.file(), out, "--weave");
        Ansible.Result run = Ansible.playbook(out, dir);
        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("did not match");
        assertThat(onServer(s, "weave version")).isEqualTo("weave script 2.8.0");
        assertThat(onServer(s, "ls /tmp | grep -c upkeep-weave || true")).isEqualTo("0");
    }

    @Test
    void theDockerAndWeaveExportPassesAnsibleLint(@TempDir Path dir) throws Exception {
        assumeTrue(Ansible.lintAvailable(), "ansible-lint is not installed");
        Path out = dir.resolve("ansible");
        export(workspace(dir, app(dir, "shop", "docker:\n  configuration:\n    docker_version: 25.0.3\n    weave_version: 2.8.1\n",
                fleet.server(0))), out, "--security", "--docker", "--weave", "--reboot-if-required");
        Ansible.Result lint = Ansible.lint(out, dir);
        assertThat(lint.exit()).as(lint.output()).isZero();
    }
}
