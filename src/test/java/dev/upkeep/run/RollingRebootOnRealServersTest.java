package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.RebootPolicy;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rollouts with reboots through the runner, on test-fleet servers that really go down for 2 s and come back with a
 * new boot id: batches, failure limits, keep-one-up, cancel and host keys, asserted from the event stream and the
 * servers' own boot counts.
 */
class RollingRebootOnRealServersTest {
    private static final Logger log = LoggerFactory.getLogger(RollingRebootOnRealServersTest.class);
    private static final RebootPolicy QUICK = RebootPolicy.DEFAULTS.withTimeoutSeconds(30);
    private static TestFleet fleet;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<RunHandle> handles = new ArrayList<>();
    @TempDir
    Path dir;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(FleetOptions.servers(21).rebootDelay(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @AfterEach
    void closeRuns() throws Exception {
        for (RunHandle h : handles) {
            h.cancel();
            h.completion().get(30, TimeUnit.SECONDS);
        }
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private Workspace shop(RebootPolicy policy, int... indexes) {
        List<Server> servers = new ArrayList<>();
        for (int i : indexes) {
            servers.add(FleetWorkspaces.server(fleet, fleet.server(i), "root", false));
        }
        return FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(),
                List.of(new Application("shop", "production", null, null, servers, policy)));
    }

    private RunHandle start(Workspace ws, RunOptions options, RecordingListener events) throws Exception {
        RunPlan plan = new RunPlanner(UpgradeHooks.NONE).plan(ws, ServerRef.all(ws), options);
        PoolConnections connections = new PoolConnections(ws, PassphraseProvider.NONE);
        Runner runner = new Runner(connections, SudoSession.withoutPassword());
        HistoryRecorder recorder = new RunHistory(dir.resolve("state")).record(plan);
        open.add(recorder);
        open.add(runner);
        open.add(connections);
        RunHandle handle = runner.start(plan, List.of(events, recorder));
        handles.add(handle);
        return handle;
    }

    private RunSummary run(Workspace ws, RunOptions options, RecordingListener events) throws Exception {
        return start(ws, options, events).completion().get(5, TimeUnit.MINUTES);
    }

    private static RunOptions rolling(int batch) {
        return RunOptions.rebootOnly(false, 10).rolling(Share.count(batch));
    }

    private static List<RunStep> outcomes(RunSummary s) {
        return s.results().stream().map(ServerResult::outcome).toList();
    }

    @Test
    void upgradeAndRebootOfSixServersInBatchesOfTwoNeverHasMoreThanTwoDown() throws Exception {
        Workspace ws = shop(QUICK, 0, 1, 2, 3, 4, 5);
        RecordingListener events = new RecordingListener();
        RunOptions options = RunOptions.security(10).withReboot(RunOptions.Reboot.IF_REQUIRED, null).rolling(Share.count(2));
        long t0 = System.nanoTime();
        RunSummary s = run(ws, options, events);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        log.info("Upgrade-and-reboot of 6 servers in batches of 2 (2 s reboot delay): {} ms", millis);

        assertThat(s.results()).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.server() + ": " + r.message()).isEqualTo(RunStep.DONE);
            assertThat(r.upgraded()).containsExactly("upkeep-sec-demo 1.1");
            assertThat(r.rebootRequired()).as("a verified reboot clears it").isFalse();
            assertThat(r.message()).contains("reboot if required: rebooted: back after");
        });
        for (int i = 0; i < 6; i++) {
            assertThat(fleet.server(i).boots()).isEqualTo(2);
        }
        List<DownTime.Interval> down = DownTime.intervals(events.events);
        assertThat(down).hasSize(6);
        assertThat(DownTime.mostAtOnce(down)).isEqualTo(2);
        assertThat(events.of(RunEvent.BatchStarted.class, e -> true)).hasSize(3);
        // Nothing of batch 2 goes down before batch 1 is back.
        assertThat(DownTime.of(down, "srv03").from()).isAfter(DownTime.of(down, "srv01").to())
                .isAfter(DownTime.of(down, "srv02").to());
    }

    @Test
    void rebootOnlyIfRequiredRebootsExactlyTheServersThatNeedIt() throws Exception {
        String needs = fleet.server(6).name();
        String fine = fleet.server(7).name();
        fleet.server(6).requireReboot("linux-image-demo");
        int[] before = {fleet.server(6).boots(), fleet.server(7).boots(), fleet.server(8).boots()};
        RecordingListener events = new RecordingListener();
        RunSummary s = run(shop(QUICK, 6, 7, 8), RunOptions.rebootOnly(true, 10), events);
        assertThat(outcomes(s)).containsOnly(RunStep.DONE);
        assertThat(fleet.server(6).boots()).isEqualTo(before[0] + 1);
        assertThat(fleet.server(7).boots()).isEqualTo(before[1]);
        assertThat(fleet.server(8).boots()).isEqualTo(before[2]);
        assertThat(events.lines(needs)).contains("reboot required by: linux-image-demo");
        assertThat(events.lines(fine)).contains("not rebooting: no reboot required (no /var/run/reboot-required)");
    }

    @Test
    void aServerThatNeverComesBackFailsAfterTheTimeoutAndStopsTheRollout() throws Exception {
        TestServer gone = fleet.server(14).rebootDelay(Duration.ofMinutes(10));
        int bootsOf12 = fleet.server(12).boots();
        RecordingListener events = new RecordingListener();
        RunOptions options = rolling(1).withReboot(RunOptions.Reboot.ALWAYS, 5).withMaxFailures(1);
        RunSummary s = run(shop(QUICK, 14, 12, 8), options, events);
        assertThat(outcomes(s)).containsExactly(RunStep.FAILED, RunStep.NOT_STARTED, RunStep.NOT_STARTED);
        assertThat(s.results().get(0).message()).contains("did not come back within 5 s");
        assertThat(s.results().get(1).message()).isEqualTo("not started: 1 server(s) failed, the run's limit");
        assertThat(gone.isRunning()).isFalse();
        assertThat(fleet.server(12).boots()).isEqualTo(bootsOf12);
    }

    @Test
    void aServerThatComesBackWithTheSameBootIdIsFailed() throws Exception {
        TestServer fake = fleet.server(9).keepBootIdAcrossBoots(true);
        try {
            RunSummary s = run(shop(QUICK, 9, 10), rolling(1), new RecordingListener());
            assertThat(outcomes(s)).containsExactly(RunStep.FAILED, RunStep.NOT_STARTED);
            assertThat(s.results().get(0).message()).contains("boot id unchanged: the server did not reboot");
        } finally {
            fake.keepBootIdAcrossBoots(false);
        }
    }

    @Test
    void aFailingHealthCheckStopsTheRollout() throws Exception {
        RebootPolicy failing = QUICK.withHealthCheck(RebootPolicy.HealthCheck.command("echo 'app is down' >&2; exit 3").withTimeoutSeconds(2));
        int bootsOf11 = fleet.server(11).boots();
        int bootsOf12 = fleet.server(12).boots();
        RunSummary s = run(shop(failing, 11, 12), rolling(1).withMaxFailures(1), new RecordingListener());
        assertThat(outcomes(s)).containsExactly(RunStep.FAILED, RunStep.NOT_STARTED);
        assertThat(s.results().get(0).message()).contains("rebooted, but the health check failed: exit 3: app is down");
        assertThat(fleet.server(11).boots()).isEqualTo(bootsOf11 + 1);
        assertThat(fleet.server(12).boots()).isEqualTo(bootsOf12);
    }

    @Test
    void keepOneUpSplitsAnApplicationOfTwoIntoTwoBatchesEvenWithBatchTwo() throws Exception {
        RecordingListener events = new RecordingListener();
        RunSummary s = run(shop(QUICK, 7, 8), rolling(2), events);
        assertThat(outcomes(s)).containsOnly(RunStep.DONE);
        RunPlan plan = events.of(RunEvent.RunStarted.class, e -> true).get(0).plan();
        assertThat(plan.batches()).hasSize(2);
        assertThat(plan.rollout().notes()).anyMatch(n -> n.startsWith("shop has 2 servers: at most 1 per batch"));
        List<DownTime.Interval> down = DownTime.intervals(events.events);
        assertThat(down).hasSize(2);
        assertThat(DownTime.mostAtOnce(down)).isEqualTo(1);
    }

    @Test
    void cancelDuringARolloutStillWaitsForTheServersMidRebootVerifiesThemAndStartsNoOther() throws Exception {
        fleet.server(15).rebootDelay(Duration.ofSeconds(4));
        fleet.server(16).rebootDelay(Duration.ofSeconds(4));
        String a = fleet.server(15).name();
        String b = fleet.server(16).name();
        int[] boots = {fleet.server(9).boots(), fleet.server(10).boots()};
        RecordingListener events = new RecordingListener();
        RunHandle run = start(shop(QUICK, 15, 16, 9, 10), rolling(2).withKeepOneUp(false), events);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !events.steps(a, RunStep.WAITING_FOR_BOOT).isEmpty() && !events.steps(b, RunStep.WAITING_FOR_BOOT).isEmpty());
        run.cancel();
        RunSummary s = run.completion().get(60, TimeUnit.SECONDS);
        assertThat(s.cancelled()).isTrue();
        assertThat(outcomes(s)).containsExactly(RunStep.DONE, RunStep.DONE, RunStep.NOT_STARTED, RunStep.NOT_STARTED);
        for (int i = 0; i < 2; i++) {
            assertThat(s.results().get(i).message()).contains("rebooted: back after").contains("boot id changed");
            assertThat(s.results().get(i).rebootRequired()).isFalse();
        }
        assertThat(fleet.server(9).boots()).isEqualTo(boots[0]);
        assertThat(fleet.server(10).boots()).isEqualTo(boots[1]);
        for (ServerRef ref : s.servers()) {
            assertThat(events.of(RunEvent.ServerFinished.class, e -> e.result().server().equals(ref))).hasSize(1);
        }
    }

    @Test
    void stopWaitingLeavesServersMidRebootUnverifiedAndStillRequiringTheReboot() throws Exception {
        fleet.server(19).rebootDelay(Duration.ofMinutes(10));
        fleet.server(20).rebootDelay(Duration.ofMinutes(10));
        String a = fleet.server(19).name();
        String b = fleet.server(20).name();
        RecordingListener events = new RecordingListener();
        RunHandle run = start(shop(QUICK, 19, 20, 9, 10), rolling(2).withKeepOneUp(false), events);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !events.steps(a, RunStep.WAITING_FOR_BOOT).isEmpty() && !events.steps(b, RunStep.WAITING_FOR_BOOT).isEmpty());
        run.cancel();
        run.stopWaiting();
        RunSummary s = run.completion().get(30, TimeUnit.SECONDS);
        assertThat(outcomes(s)).containsExactly(RunStep.UNVERIFIED, RunStep.UNVERIFIED, RunStep.NOT_STARTED, RunStep.NOT_STARTED);
        for (int i = 0; i < 2; i++) {
            assertThat(s.results().get(i).message()).contains("mid-reboot: the reboot was issued");
            assertThat(s.results().get(i).rebootRequired()).as("unknown: treat as still required").isTrue();
        }
    }

    @Test
    void aServerThatDidNotComeBackKeepsItsApplicationsSlotSoItsPartnerIsNotRebooted() throws Exception {
        TestServer gone = fleet.server(17).rebootDelay(Duration.ofMinutes(10));
        TestServer partner = fleet.server(18);
        int partnerBoots = partner.boots();
        RecordingListener events = new RecordingListener();
        // A limit of 2 lets the run go on after the first failure: keep-one-up alone must protect the partner.
        RunSummary s = run(shop(QUICK, 17, 18), rolling(1).withReboot(RunOptions.Reboot.ALWAYS, 5).withMaxFailures(2), events);
        assertThat(outcomes(s)).containsExactly(RunStep.FAILED, RunStep.FAILED);
        assertThat(s.results().get(0).message()).contains("did not come back within 5 s");
        assertThat(s.results().get(1).message()).contains("not rebooted (keep one up): shop/" + gone.name()
                + " failed its reboot and counts as down");
        assertThat(partner.boots()).isEqualTo(partnerBoots);
        assertThat(partner.isRunning()).isTrue();
        assertThat(events.lines(gone.name())).anyMatch(l -> l.contains("counts as down for the rest of this run"));
    }

    @Test
    void aHostKeyThatChangesAcrossTheRebootIsRefusedAndReported() throws Exception {
        TestServer srv = fleet.server(13);
        // New keys just before the reboot command, while the run's connection is open: offered when it is back.
        RecordingListener events = new RecordingListener() {
            @Override
            public void onEvent(RunEvent event) {
                super.onEvent(event);
                if (event instanceof RunEvent.StepChanged c && c.step() == RunStep.REBOOTING) {
                    srv.regenerateHostKeys();
                }
            }
        };
        RunSummary s = run(shop(QUICK, 13, 10), rolling(1), events);
        assertThat(outcomes(s)).containsExactly(RunStep.FAILED, RunStep.NOT_STARTED);
        assertThat(s.results().get(0).message()).contains("host key changed across the reboot").contains("HOST KEY CHANGED");
    }
}
