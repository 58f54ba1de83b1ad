package dev.upkeep.cli;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Settings;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.ManifestUpgradeHooks;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.testfleet.DockerRepo;
import dev.upkeep.testfleet.HttpsMirror;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import dev.upkeep.testfleet.WeaveScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code upkeep upgrade --docker --weave}: the versions come from the application's Manifest.yml, on real servers. */
class UpgradeDockerWeaveCommandTest {
    private static TestFleet fleet;
    private static DockerRepo docker;
    private static HttpsMirror mirror;
    private static String weaveUrl;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(2);
        docker = DockerRepo.start(fleet);
        mirror = HttpsMirror.start();
        weaveUrl = WeaveScripts.publish(mirror, WeaveScripts.OLD, WeaveScripts.NEW);
        for (TestServer s : fleet.servers()) {
            mirror.trustOn(s);
            docker.addTo(s);
            docker.install(s, DockerRepo.OLD);
            WeaveScripts.install(s, WeaveScripts.OLD);
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

    private Path workspace(Path dir, String manifest) throws Exception {
        return workspace(dir, manifest, WeaveScripts.checksums(WeaveScripts.NEW));
    }

    /** The mirror is no release Upkeep has pins for: the workspace gives the checksums, as a user of a mirror would. */
    private Path workspace(Path dir, String manifest, java.util.Map<String, String> checksums) throws Exception {
        Files.writeString(dir.resolve("Manifest.yml"), manifest);
        Workspace base = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers());
        Settings settings = base.settings().withWeaveDownload(weaveUrl, checksums);
        Application app = base.applications().get(0);
        Application withManifest = new Application(app.name(), app.environment(), "Manifest.yml", null, app.servers());
        Workspace ws = new Workspace(base.file(), settings, List.of(withManifest));
        new WorkspaceStore().save(ws);
        return ws.file();
    }

    private int run(Path state, String... args) {
        UpkeepCommand top = new UpkeepCommand(new WorkspaceStore(), SshStatusService::new)
                .withInput(new BufferedReader(new StringReader("")));
        CommandLine cl = UpkeepCommand.commandLine(top);
        ((UpgradeCommand) cl.getSubcommands().get("upgrade").getCommand()).services = new FleetUpgradeServices(state, ManifestUpgradeHooks.create());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void dockerAndWeaveGoToTheManifestVersions(@TempDir Path dir) throws Exception {
        Path ws = workspace(dir, "production:\n  docker:\n    configuration:\n      docker_version: 25.0.3   # keep\n"
                + "      weave_version: '2.8.1'\n");
        int exit = run(dir.resolve("state"), "--workspace", ws.toString(), "upgrade", "--docker", "--weave", "--yes");
        assertThat(exit).as(out + "\n" + err).isZero();
        for (TestServer s : fleet.servers()) {
            assertThat(s.run("docker version --format '{{.Server.Version}}'").strip()).isEqualTo("25.0.3");
            assertThat(s.run("weave version").strip()).contains("2.8.1");
        }
    }

    @Test
    void aMirrorWithoutAChecksumForTheVersionIsRefusedBeforeConnectingWithWhatToDo(@TempDir Path dir) throws Exception {
        Path ws = workspace(dir, "docker:\n  configuration:\n    weave_version: 2.8.1\n", java.util.Map.of());
        String before = fleet.server(0).run("weave version");
        int exit = run(dir.resolve("state"), "--workspace", ws.toString(), "upgrade", "--weave", "--yes");
        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("Upkeep ships no verified SHA-256 pin for Weave 2.8.1")
                .contains(weaveUrl.replace("{version}", "2.8.1")).contains("weaveChecksums");
        assertThat(dir.resolve("state/runs")).doesNotExist();
        assertThat(fleet.server(0).run("weave version")).isEqualTo(before);
    }

    @Test
    void maliciousManifestVersionIsRefusedBeforeConnecting(@TempDir Path dir) throws Exception {
        Path ws = workspace(dir, "docker:\n  configuration:\n    docker_version: \"24.0.7; rm -rf /\"\n");
        int exit = run(dir.resolve("state"), "--workspace", ws.toString(), "upgrade", "--docker", "--yes");
        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("24.0.7; rm -rf /");
        assertThat(dir.resolve("state/runs")).doesNotExist();
    }

    @Test
    void aVersionTheRepositoryDoesNotOfferFailsEveryServerCleanly(@TempDir Path dir) throws Exception {
        Path ws = workspace(dir, "docker:\n  configuration:\n    docker_version: 99.0.1\n");
        String before = fleet.server(0).run("docker version --format '{{.Server.Version}}'").strip();
        int exit = run(dir.resolve("state"), "--workspace", ws.toString(), "upgrade", "--docker", "--yes");
        assertThat(exit).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(out.toString() + err).contains("99.0.1");
        assertThat(fleet.server(0).run("docker version --format '{{.Server.Version}}'").strip()).isEqualTo(before);
    }
}
