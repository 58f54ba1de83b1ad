package dev.upkeep.run;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.testfleet.DebPackage;
import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Security upgrades on real servers of the test fleet, through the runner, as the CLI and window run them. The
 * upgrade itself runs on one server of each OS (Debian 12 and 13, Ubuntu-flavoured 22.04 and 24.04: a second fleet of
 * four); the lock, dropped-connection, cancel, repair and sudo cases on Debian 12.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityUpgradeOnRealServersTest {
    private static final Logger log = LoggerFactory.getLogger(SecurityUpgradeOnRealServersTest.class);
    private static TestFleet fleet;
    private static TestFleet osFleet;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable(DebianRelease.values());
        fleet = TestFleet.start(6);
        osFleet = TestFleet.start(FleetOptions.onePerOs());
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
        if (osFleet != null) {
            osFleet.close();
        }
    }

    static RunSummary run(Workspace ws, RunOptions options, Path stateDir, RunListener... listeners) throws Exception {
        RunPlan plan = new RunPlanner(UpgradeHooks.NONE).plan(ws, ServerRef.all(ws), options);
        RunHistory history = new RunHistory(stateDir);
        try (PoolConnections connections = new PoolConnections(ws, PassphraseProvider.NONE);
             Runner runner = new Runner(connections, SudoSession.withoutPassword());
             HistoryRecorder recorder = history.record(plan)) {
            List<RunListener> all = new java.util.ArrayList<>(List.of(listeners));
            all.add(recorder);
            return runner.start(plan, all).completion().get(5, TimeUnit.MINUTES);
        }
    }

    private static String version(TestServer server, String pkg) {
        return server.run("cat /usr/share/upkeep-demo/" + pkg + ".version").strip();
    }

    // First: it expects the demo security update still pending on each OS's server.
    @Order(1)
    @ParameterizedTest(name = "{0}")
    @EnumSource(DebianRelease.class)
    void upgradesOnlySecurityPackagesThenReportsRebootAndConfiguresDailyUpgrades(DebianRelease os, @TempDir Path dir)
            throws Exception {
        TestServer srv = OsFleets.server(osFleet, os);
        Workspace ws = FleetWorkspaces.of(osFleet, dir, osFleet.knownHosts(), List.of(srv));
        RecordingListener events = new RecordingListener();
        java.time.Instant started = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        RunSummary summary = run(ws, RunOptions.security(10), dir.resolve("state"), events);
        log.info("Security upgrade on 1 server: {} ms", (System.nanoTime() - t0) / 1_000_000);
        ServerResult r = summary.results().get(0);
        assertThat(r.outcome()).as(r.message() + "\n" + String.join("\n", events.lines(srv.name()))).isEqualTo(RunStep.DONE);
        assertThat(r.upgraded()).containsExactly("upkeep-sec-demo 1.1");
        assertThat(version(srv, "upkeep-sec-demo")).isEqualTo("1.1");
        assertThat(version(srv, "upkeep-other-demo")).isEqualTo("1.0");
        assertThat(r.rebootRequired()).isTrue();
        assertThat(r.rebootPackages()).containsExactly("upkeep-sec-demo");
        assertThat(events.steps(srv.name(), RunStep.UPDATING_LISTS)).isNotEmpty();
        assertThat(events.steps(srv.name(), RunStep.UPGRADING)).isNotEmpty();
        assertThat(events.lines(srv.name())).as("no service to restart is no error").noneMatch(l -> l.contains("cannot open"));
        assertThat(srv.run("cat /etc/apt/apt.conf.d/20auto-upgrades"))
                .contains("APT::Periodic::Update-Package-Lists \"1\";").contains("APT::Periodic::Unattended-Upgrade \"1\";");

        try (SshStatusService status = new SshStatusService()) {
            ServerStatus s = status.refresh(ws, ServerRef.all(ws), false, (ref, st) -> { }).completion()
                    .get(60, TimeUnit.SECONDS).get(0);
            assertThat(s.unattendedUpgrades()).isTrue();
            assertThat(s.rebootRequired()).isTrue();
            assertThat(s.rebootPackages()).contains("upkeep-sec-demo");
            assertThat(s.securityUpdates()).isZero();
            assertThat(s.otherUpdates()).isEqualTo(1);
            assertThat(s.packageListsUpdated()).as("the run's apt-get update counts as fresh lists").isAfterOrEqualTo(started);
        }

        Path runDir = dir.resolve("state/runs").resolve(summary.id());
        assertThat(runDir.resolve("summary.json")).exists();
        String serverLog = Files.readString(runDir.resolve("shop--" + srv.name() + ".log"));
        assertThat(serverLog).contains(" OUT ").contains(" STP ").contains("unattended-upgrade").contains(" END done");
        RunSummary loaded = new RunHistory(dir.resolve("state")).load(summary.id()).orElseThrow();
        assertThat(loaded.results().get(0).upgraded()).containsExactly("upkeep-sec-demo 1.1");
        assertThat(loaded.user()).isEqualTo(System.getProperty("user.name"));

        // Safe to run twice: nothing left to do, still DONE.
        RunSummary again = run(ws, RunOptions.security(10), dir.resolve("state"));
        assertThat(again.results().get(0).outcome()).isEqualTo(RunStep.DONE);
        assertThat(again.results().get(0).upgraded()).isEmpty();
    }

    @Test
    void waitsForAHeldDpkgLockWithACountdownThenUpgrades(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(0);
        srv.run("(flock /var/lib/dpkg/lock-frontend sleep 8 >/dev/null 2>&1 &)");
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), List.of(srv));
        RecordingListener events = new RecordingListener();
        RunSummary summary = run(ws, RunOptions.security(10), dir.resolve("state"), events);
        ServerResult r = summary.results().get(0);
        assertThat(r.outcome()).as(r.message()).isEqualTo(RunStep.DONE);
        List<String> countdown = events.steps(srv.name(), RunStep.WAITING_FOR_LOCK).stream()
                .map(RunEvent.StepChanged::detail).filter(d -> d != null && d.contains(" s left")).toList();
        assertThat(countdown).hasSizeGreaterThanOrEqualTo(3);
        assertThat(countdown.get(0)).startsWith("300 s left").contains("/var/lib/dpkg/lock-frontend");
        assertThat(events.lines(srv.name())).anyMatch(l -> l.startsWith("upkeep: waiting for the apt/dpkg lock"));
        assertThat(r.upgraded()).containsExactly("upkeep-sec-demo 1.1");
    }

    @Test
    void droppedConnectionLeavesTheUpgradeRunningAndTheRunReportsIt(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(1);
        srv.install(DebPackage.of("upkeep-slow-demo", "1.0"));
        fleet.repo().publish("bookworm-security", DebPackage.of("upkeep-slow-demo", "1.1").postinst("sleep 8"));
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), List.of(srv));
        CompletableFuture<String> killed = new CompletableFuture<>();
        RecordingListener events = new RecordingListener();
        RunListener killer = e -> {
            if (e instanceof RunEvent.Output o && o.line().contains("Packages that will be upgraded") && !killed.isDone()) {
                killed.completeAsync(() -> {
                    String running = srv.call("ls /var/log/upkeep/*.status 2>/dev/null | wc -l").stdout().strip();
                    srv.run("pkill -f 'sshd: roo[t]@notty'");
                    return running;
                });
            }
        };
        RunSummary summary = run(ws, RunOptions.security(10), dir.resolve("state"), events, killer);
        ServerResult r = summary.results().get(0);
        assertThat(killed).isDone();
        assertThat(killed.get()).as("no upgrade had finished when the connection was killed").isEqualTo("0");
        assertThat(r.outcome()).as(r.message() + "\n" + String.join("\n", events.lines(srv.name()))).isEqualTo(RunStep.DONE);
        assertThat(events.lines(srv.name())).anyMatch(l -> l.startsWith("upkeep: connection lost")).anyMatch(l -> l.equals("upkeep: reconnected"));
        assertThat(r.upgraded()).contains("upkeep-slow-demo 1.1", "upkeep-sec-demo 1.1");
        assertThat(version(srv, "upkeep-slow-demo")).isEqualTo("1.1");
        assertThat(srv.call("dpkg --audit").stdout()).isBlank();
        // Every line of the server's log arrived once, despite the reconnect.
        assertThat(events.lines(srv.name()).stream().filter(l -> l.contains("Packages that will be upgraded"))).hasSize(1);
    }

    @Test
    void interruptedDpkgIsReportedThenRepairedOnRequest(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(2);
        srv.run("sed -i '/^Package: upkeep-other-demo$/,/^$/ s/^Status: install ok installed$/Status: install ok half-configured/'"
                + " /var/lib/dpkg/status");
        assertThat(srv.call("dpkg --audit").stdout()).contains("upkeep-other-demo");
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), List.of(srv));
        ServerResult failed = run(ws, RunOptions.security(10), dir.resolve("state")).results().get(0);
        assertThat(failed.outcome()).isEqualTo(RunStep.FAILED);
        assertThat(failed.message()).contains("dpkg was interrupted").contains("upkeep-other-demo").contains("dpkg --configure -a");
        assertThat(version(srv, "upkeep-sec-demo")).isEqualTo("1.0");

        RunOptions repair = RunOptions.builder().security(true).concurrency(10).lockWait(Duration.ofMinutes(1))
                .repairDpkg(true).build();
        ServerResult repaired = run(ws, repair, dir.resolve("state")).results().get(0);
        assertThat(repaired.outcome()).as(repaired.message()).isEqualTo(RunStep.DONE);
        assertThat(srv.call("dpkg --audit").stdout()).isBlank();
        assertThat(version(srv, "upkeep-sec-demo")).isEqualTo("1.1");
    }

    @Test
    void cancelStopsFollowingButNeverTheUpgradeOnTheServer(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(3);
        srv.install(DebPackage.of("upkeep-slow-demo", "1.0"));
        fleet.repo().publish("bookworm-security", DebPackage.of("upkeep-slow-demo", "1.1").postinst("sleep 8"));
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), List.of(srv));
        RunPlan plan = new RunPlanner(UpgradeHooks.NONE).plan(ws, ServerRef.all(ws), RunOptions.security(10));
        try (PoolConnections connections = new PoolConnections(ws, PassphraseProvider.NONE);
             Runner runner = new Runner(connections, SudoSession.withoutPassword())) {
            CompletableFuture<RunHandle> handle = new CompletableFuture<>();
            RunHandle run = runner.start(plan, e -> {
                if (e instanceof RunEvent.Output o && o.line().contains("Packages that will be upgraded")) {
                    handle.thenAccept(RunHandle::cancel);
                }
            });
            handle.complete(run);
            ServerResult r = run.completion().get(2, TimeUnit.MINUTES).results().get(0);
            assertThat(r.outcome()).as(r.message()).isEqualTo(RunStep.CANCELLED);
            assertThat(r.message()).contains("the upgrade continues on the server").contains("/var/log/upkeep/security-" + plan.id() + ".log");
        }
        String status = "/var/log/upkeep/security-" + plan.id() + ".status";
        await().atMost(Duration.ofMinutes(1)).until(() -> srv.call("cat " + status).stdout().strip().equals("0"));
        assertThat(version(srv, "upkeep-slow-demo")).isEqualTo("1.1");
        assertThat(srv.call("dpkg --audit").stdout()).isBlank();
    }

    @Test
    void aLockHeldLongerThanTheLimitFailsTheServerWithoutUpgrading(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(4);
        srv.run("(flock /var/lib/dpkg/lock /bin/sleep 20 >/dev/null 2>&1 &)");
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), List.of(srv));
        RecordingListener events = new RecordingListener();
        ServerResult r = run(ws, RunOptions.security(10).withLockWait(Duration.ofSeconds(2)), dir.resolve("state"), events)
                .results().get(0);
        assertThat(r.outcome()).isEqualTo(RunStep.FAILED);
        assertThat(r.message()).contains("lock stayed held");
        assertThat(events.lines(srv.name())).anyMatch(l -> l.startsWith("upkeep: gave up waiting for the apt/dpkg lock after 2 s")
                && l.contains("/var/lib/dpkg/lock held by"));
        assertThat(version(srv, "upkeep-sec-demo")).isEqualTo("1.0");
        srv.run("pkill -f '/bin/slee[p] 20' || true");
    }

    @Test
    void aSudoUserUpgradesThroughPasswordlessSudo(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(5);
        Workspace ws = FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(), List.of(new dev.upkeep.fleet.Application(
                "shop", null, null, null, List.of(FleetWorkspaces.server(fleet, srv, "deploy", true)))));
        ServerResult r = run(ws, RunOptions.security(10), dir.resolve("state")).results().get(0);
        assertThat(r.outcome()).as(r.message()).isEqualTo(RunStep.DONE);
        assertThat(r.upgraded()).containsExactly("upkeep-sec-demo 1.1");
        assertThat(srv.run("stat -c %U /var/log/upkeep")).isEqualTo("root\n");
    }

    /**
     * Ubuntu: the ESM pocket's security update is taken, -updates never; needrestart (run by apt's hook after dpkg)
     * never holds the run, and what it still lists is in the server's log and the result's summary.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DebianRelease.class, names = {"UBUNTU_22_04", "UBUNTU_24_04"})
    void onUbuntuEsmSecurityIsTakenUpdatesNeverAndNeedrestartIsSummarised(DebianRelease os, @TempDir Path dir)
            throws Exception {
        TestServer srv = OsFleets.server(osFleet, os);
        srv.install(DebPackage.of("upkeep-esm-demo", "1.0"), DebPackage.of("upkeep-updates-demo", "1.0"));
        osFleet.repo().publish(os.esmSuiteName(), DebPackage.of("upkeep-esm-demo", "1.1"));
        osFleet.repo().publish(os.codename() + "-updates", DebPackage.of("upkeep-updates-demo", "1.1"));
        Workspace ws = FleetWorkspaces.of(osFleet, dir, osFleet.knownHosts(), List.of(srv));
        RecordingListener events = new RecordingListener();

        RunSummary summary = run(ws, RunOptions.security(10), dir.resolve("state"), events);

        ServerResult r = summary.results().get(0);
        assertThat(r.outcome()).as(r.message() + "\n" + String.join("\n", events.lines(srv.name()))).isEqualTo(RunStep.DONE);
        assertThat(version(srv, "upkeep-esm-demo")).isEqualTo("1.1");
        assertThat(version(srv, "upkeep-updates-demo")).isEqualTo("1.0");
        assertThat(r.message()).contains("needrestart: 2 service(s) still to restart: cron.service, ssh.service");
        assertThat(events.lines(srv.name())).contains("needrestart: Services to be restarted:");
    }
}
