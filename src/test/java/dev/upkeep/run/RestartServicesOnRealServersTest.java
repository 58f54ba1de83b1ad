package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.testfleet.DemoPackages;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.LibraryDemo;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patched but not yet protected, on real Debian servers: a service started against a library that a security upgrade
 * then replaces is listed (its /proc/PID/maps shows the library "(deleted)"); restarted through Upkeep, it is gone.
 * The fleet has no systemd: its services are init scripts, found through their pid files.
 */
class RestartServicesOnRealServersTest {
    private static TestFleet fleet;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(FleetOptions.servers(4).allWithUnattendedUpgrades());
        TestServer first = fleet.server(0);
        fleet.repo().publish("bookworm", LibraryDemo.library(first, "1.0"), LibraryDemo.service(first, "1.0"));
        fleet.repo().publish("bookworm-security", LibraryDemo.library(first, "1.1"));
        fleet.servers().parallelStream().forEach(s -> {
            // the demo security update asks for a reboot: installed beforehand, so these servers need none
            s.install(DemoPackages.securityUpdate());
            s.run("rm -f /run/reboot-required /run/reboot-required.pkgs && apt-get -q update"
                    + " && apt-get install -y -q " + LibraryDemo.SERVICE + " " + LibraryDemo.LIBRARY + "=1.0");
            LibraryDemo.start(s);
        });
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static Workspace workspace(Path dir, TestServer server) {
        return FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), List.of(server));
    }

    static ServerStatus status(Workspace ws) throws Exception {
        try (SshStatusService status = new SshStatusService()) {
            ServerStatus s = status.refresh(ws, ServerRef.all(ws), false, (ref, st) -> { }).completion()
                    .get(2, TimeUnit.MINUTES).get(0);
            assertThat(s.reachable()).as(s.error()).isTrue();
            return s;
        }
    }

    private static RunSummary restart(Workspace ws, Path state, Set<String> units, RecordingListener events) throws Exception {
        ServerRef ref = ServerRef.all(ws).get(0);
        RunPlan plan = new RunPlanner(UpgradeHooks.NONE).restartServices(ws, Map.of(ref, units), RunOptions.restartOnly(10));
        return run(ws, plan, state, events);
    }

    static RunSummary run(Workspace ws, RunPlan plan, Path state, RunListener... listeners) throws Exception {
        try (PoolConnections connections = new PoolConnections(ws, dev.upkeep.ssh.PassphraseProvider.NONE);
             Runner runner = new Runner(connections, SudoSession.withoutPassword());
             HistoryRecorder recorder = new RunHistory(state).record(plan)) {
            List<RunListener> all = new java.util.ArrayList<>(List.of(listeners));
            all.add(recorder);
            return runner.start(plan, all).completion().get(5, TimeUnit.MINUTES);
        }
    }

    @Test
    void aServiceUsingAReplacedLibraryIsListedAndAfterItsRestartItIsGone(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(0);
        Workspace ws = workspace(dir, srv);
        int daemon = LibraryDemo.pid(srv);
        int byHand = LibraryDemo.startByHand(srv);
        assertThat(status(ws).restartNeeds().services()).as("nothing replaced yet").isEmpty();

        RunSummary upgrade = run(ws, new RunPlanner(UpgradeHooks.NONE).plan(ws, ServerRef.all(ws), RunOptions.security(10)),
                dir.resolve("state"));
        assertThat(upgrade.results().get(0).upgraded()).contains(LibraryDemo.LIBRARY + " 1.1");
        assertThat(LibraryDemo.mapping(srv, daemon)).as("the kernel's view").endsWith("(deleted)");

        RestartNeeds needs = status(ws).restartNeeds();
        assertThat(needs.source()).isEqualTo("scan");
        assertThat(needs.services()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo(LibraryDemo.SERVICE);
            assertThat(s.systemd()).isFalse();
            assertThat(s.pids()).containsExactly(daemon);
            assertThat(s.refusal()).isNull();
        });
        assertThat(needs.processes()).extracting(RestartNeeds.StaleProcess::pid).containsExactlyInAnyOrder(daemon, byHand);
        assertThat(needs.processes()).allSatisfy(p -> assertThat(p.files()).containsExactly(LibraryDemo.LIBRARY_FILE));
        assertThat(needs.processes()).filteredOn(p -> p.pid() == byHand).singleElement()
                .satisfies(p -> assertThat(p.unit()).as("started by hand").isNull());

        RecordingListener events = new RecordingListener();
        RunSummary restart = restart(ws, dir.resolve("state"), Set.of(LibraryDemo.SERVICE), events);
        ServerResult r = restart.results().get(0);
        assertThat(r.outcome()).as(r.message() + "\n" + String.join("\n", events.lines(srv.name()))).isEqualTo(RunStep.DONE);
        assertThat(r.message()).contains("restarted " + LibraryDemo.SERVICE).contains("none uses replaced libraries now");
        int restarted = LibraryDemo.pid(srv);
        assertThat(restarted).isNotEqualTo(daemon);
        assertThat(LibraryDemo.mapping(srv, restarted)).isNotEmpty().doesNotEndWith("(deleted)");

        RestartNeeds after = status(ws).restartNeeds();
        assertThat(after.services()).isEmpty();
        assertThat(after.processes()).extracting(RestartNeeds.StaleProcess::pid)
                .as("a process started by hand is never restarted").containsExactly(byHand);

        // recorded in the run history like every run
        RunSummary recorded = new RunHistory(dir.resolve("state")).load(restart.id()).orElseThrow();
        assertThat(recorded.options().restartServices()).isTrue();
        assertThat(Files.readString(dir.resolve("state/runs").resolve(restart.id()).resolve("shop--srv01.log")))
                .contains("upkeep: restarting " + LibraryDemo.SERVICE).contains("/etc/init.d/" + LibraryDemo.SERVICE + " restart");
    }

    @Test
    void aSecurityUpgradeRestartsServicesOnlyWhereNoRebootIsRequired(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(1);
        Workspace ws = workspace(dir, srv);
        int daemon = LibraryDemo.pid(srv);
        RunOptions options = RunOptions.security(10).withRestartServices(true);
        srv.run("echo '*** System restart required ***' > /run/reboot-required");
        RunSummary first = run(ws, new RunPlanner(UpgradeHooks.NONE).plan(ws, ServerRef.all(ws), options), dir.resolve("state"));
        ServerResult r = first.results().get(0);
        assertThat(r.outcome()).as(r.message()).isEqualTo(RunStep.DONE);
        assertThat(r.message()).contains("a reboot is required");
        assertThat(LibraryDemo.pid(srv)).isEqualTo(daemon);
        assertThat(status(ws).restartNeeds().services()).extracting(RestartNeeds.Service::name).containsExactly(LibraryDemo.SERVICE);

        srv.run("rm -f /run/reboot-required");
        RunSummary second = run(ws, new RunPlanner(UpgradeHooks.NONE).plan(ws, ServerRef.all(ws), options), dir.resolve("state"));
        assertThat(second.results().get(0).message()).contains("restarted " + LibraryDemo.SERVICE);
        assertThat(LibraryDemo.pid(srv)).isNotEqualTo(daemon);
        assertThat(status(ws).restartNeeds().services()).isEmpty();
    }

    /**
     * needrestart is not in the fleet's image: a stand-in prints its batch format (README.batch.md), listing the
     * service while its daemon maps the deleted library, and sshd always, as needrestart does after an OpenSSL upgrade.
     */
    @Test
    void needrestartsListIsUsedWhereItIsInstalledAndSshdIsNeverRestarted(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(2);
        Workspace ws = workspace(dir, srv);
        srv.writeFile("/usr/local/sbin/needrestart", ("#!/bin/sh\n"
                + "[ \"$1\" = -b ] || exit 2\n"
                + "echo 'NEEDRESTART-VER: 3.6'\necho 'NEEDRESTART-KCUR: 6.1.0-18-amd64'\n"
                + "echo 'NEEDRESTART-KEXP: 6.1.0-20-amd64'\necho 'NEEDRESTART-KSTA: 3'\n"
                + "grep -qF '" + LibraryDemo.LIBRARY_FILE + " (deleted)' /proc/$(cat " + LibraryDemo.PID_FILE + ")/maps"
                + " && echo 'NEEDRESTART-SVC: " + LibraryDemo.SERVICE + "'\n"
                + "echo 'NEEDRESTART-SVC: ssh'\necho 'NEEDRESTART-SESS: root @ session #3'\n").getBytes());
        srv.run("chmod 0755 /usr/local/sbin/needrestart && apt-get install -y -q " + LibraryDemo.LIBRARY);
        RestartNeeds needs = status(ws).restartNeeds();
        assertThat(needs.source()).isEqualTo("needrestart");
        assertThat(needs.services()).extracting(RestartNeeds.Service::name).containsExactly(LibraryDemo.SERVICE, "ssh");
        assertThat(needs.restartable()).extracting(RestartNeeds.Service::name).containsExactly(LibraryDemo.SERVICE);
        assertThat(needs.kernel().state()).isEqualTo(RestartNeeds.Kernel.State.VERSION_UPGRADE);
        assertThat(needs.kernel().newestInstalled()).isEqualTo("6.1.0-20-amd64");

        int sshd = Integer.parseInt(srv.run("cat /run/sshd.pid").strip());
        RunSummary run = restart(ws, dir.resolve("state"), Set.of(LibraryDemo.SERVICE, "ssh"), new RecordingListener());
        ServerResult r = run.results().get(0);
        assertThat(r.outcome()).as(r.message()).isEqualTo(RunStep.DONE);
        assertThat(r.message()).contains("restarted " + LibraryDemo.SERVICE).contains("ssh not restarted: never restarted by Upkeep");
        assertThat(srv.run("cat /run/sshd.pid").strip()).isEqualTo(String.valueOf(sshd));
        assertThat(status(ws).restartNeeds().restartable()).isEmpty();
    }

    @Test
    void aRestartThatFailsIsReportedAndWithoutRootItCannotLook(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(3);
        // a reinstall replaces the file too; then the init script's restart breaks
        srv.run("apt-get install -y -q --reinstall " + LibraryDemo.LIBRARY + "=1.0"
                + " && sed -i 's|\"$0\" stop \\&\\& \"$0\" start ;;|echo cannot restart >\\&2; exit 1 ;;|' /etc/init.d/" + LibraryDemo.SERVICE);
        Workspace ws = workspace(dir, srv);
        RunSummary run = restart(ws, dir.resolve("state"), Set.of(LibraryDemo.SERVICE), new RecordingListener());
        ServerResult r = run.results().get(0);
        assertThat(r.outcome()).isEqualTo(RunStep.FAILED);
        assertThat(r.message()).contains("still using replaced libraries: " + LibraryDemo.SERVICE);

        Workspace asDeploy = FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(), List.of(new Application("shop",
                "production", null, null, List.of(FleetWorkspaces.server(fleet, srv, "deploy", false)))));
        assertThat(status(asDeploy).restartNeeds().cannotLook()).startsWith("cannot look without sudo");
        Workspace asAdmin = FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(), List.of(new Application("shop",
                "production", null, null, List.of(FleetWorkspaces.server(fleet, srv, "admin", true)))));
        assertThat(status(asAdmin).restartNeeds().cannotLook()).contains("sudo asks this login user for a password");
        Workspace withSudo = FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(), List.of(new Application("shop",
                "production", null, null, List.of(FleetWorkspaces.server(fleet, srv, "nopw", true)))));
        assertThat(status(withSudo).restartNeeds().services()).extracting(RestartNeeds.Service::name)
                .containsExactly(LibraryDemo.SERVICE);
    }
}
