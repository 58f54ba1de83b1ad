package dev.upkeep.run;

import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.ProcedureContext;
import dev.upkeep.remote.ProcedureResult;
import dev.upkeep.ssh.ConnectRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rolling batches, failure limits, keep-one-up and pause/resume with stand-in procedures and connections. */
class RollingRunnerTest {
    private final Connections connections = new Connections() {
        @Override
        public dev.upkeep.ssh.SshConnection get(ServerPlan server) {
            return null;
        }

        @Override
        public void evict(ServerPlan server) {
        }
    };
    private final Runner runner = new Runner(connections, SudoSession.withoutPassword());

    @AfterEach
    void close() {
        runner.close();
    }

    private static RunPlan plan(RunOptions options, DowntimeProcedure p, String... servers) {
        List<ServerPlan> plans = new ArrayList<>();
        for (String s : servers) {
            String[] parts = s.split("/");
            plans.add(new ServerPlan(new ServerRef(parts[0], parts[1]), new ConnectRequest("127.0.0.1", 22, "root", null),
                    false, List.of(p)));
        }
        return new RunPlan("20261126T000000Z-abcdef", Instant.now(), options, plans);
    }

    private static String[] web(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = "web/w" + (i + 1);
        }
        return s;
    }

    private static RunOptions rolling(String batch) {
        return RunOptions.rebootOnly(false, 10).rolling(Share.parse(batch));
    }

    @Test
    void eachBatchStartsOnlyAfterThePreviousOneFinished() throws Exception {
        DowntimeProcedure reboot = new DowntimeProcedure(150);
        RecordingListener events = new RecordingListener();
        RunSummary s = runner.start(plan(rolling("2").withKeepOneUp(false), reboot, web(6)), events)
                .completion().get(20, TimeUnit.SECONDS);
        assertThat(s.allSucceeded()).isTrue();
        assertThat(reboot.most).hasValue(2);
        List<String> j = List.copyOf(reboot.journal);
        // Both servers of a batch are up again before any server of the next goes down.
        assertThat(j.indexOf("down web/w3")).isGreaterThan(j.indexOf("up web/w1")).isGreaterThan(j.indexOf("down web/w2"));
        assertThat(j.indexOf("down web/w3")).isGreaterThan(j.indexOf("up web/w2"));
        assertThat(j.indexOf("down web/w5")).isGreaterThan(j.indexOf("up web/w4"));
        List<RunEvent.BatchStarted> started = events.of(RunEvent.BatchStarted.class, e -> true);
        assertThat(started).extracting(RunEvent.BatchStarted::number).containsExactly(1, 2, 3);
        assertThat(started.get(1).servers()).extracting(ServerRef::server).containsExactly("w3", "w4");
        int finishedOne = events.events.indexOf(events.of(RunEvent.BatchFinished.class, e -> e.number() == 1).get(0));
        assertThat(events.events.indexOf(started.get(1))).isGreaterThan(finishedOne);
    }

    @Test
    void aFailureStopsTheRolloutAndTheRestAreNotStarted() throws Exception {
        DowntimeProcedure reboot = new DowntimeProcedure(300); // w3 and w4 are both down before w3 fails
        reboot.failing.add("web/w3");
        RecordingListener events = new RecordingListener();
        RunSummary s = runner.start(plan(rolling("2").withKeepOneUp(false), reboot, web(6)), events)
                .completion().get(20, TimeUnit.SECONDS);
        assertThat(s.results()).extracting(ServerResult::outcome).containsExactly(
                RunStep.DONE, RunStep.DONE, RunStep.FAILED, RunStep.DONE, RunStep.NOT_STARTED, RunStep.NOT_STARTED);
        assertThat(s.results().get(4).message()).isEqualTo("not started: 1 server(s) failed, the run's limit");
        assertThat(events.of(RunEvent.Stopping.class, e -> true)).singleElement()
                .extracting(RunEvent.Stopping::reason).asString().contains("limit 1");
        assertThat(events.of(RunEvent.BatchStarted.class, e -> true)).hasSize(2);
    }

    @Test
    void aPercentFailureLimitLetsTheRolloutGoOnUntilReached() throws Exception {
        DowntimeProcedure reboot = new DowntimeProcedure(10);
        reboot.failing.add("web/w1");
        reboot.failing.add("web/w3");
        RunOptions options = rolling("1").withKeepOneUp(false).withFailureLimit(Share.parse("50%"));
        RunSummary s = runner.start(plan(options, reboot, web(6))).completion().get(20, TimeUnit.SECONDS);
        assertThat(s.results()).extracting(ServerResult::outcome).containsExactly(
                RunStep.FAILED, RunStep.DONE, RunStep.FAILED, RunStep.DONE, RunStep.DONE, RunStep.DONE);
    }

    @Test
    void keepOneUpHoldsInParallelRunsAndIsOnlyLiftedWhenTurnedOff() throws Exception {
        DowntimeProcedure reboot = new DowntimeProcedure(300);
        RecordingListener events = new RecordingListener();
        RunSummary s = runner.start(plan(RunOptions.rebootOnly(false, 4), reboot, "shop/a", "shop/b", "blog/c", "blog/d"), events)
                .completion().get(20, TimeUnit.SECONDS);
        assertThat(s.allSucceeded()).isTrue();
        assertThat(reboot.mostPerApp.get("shop")).hasValue(1);
        assertThat(reboot.mostPerApp.get("blog")).hasValue(1);
        assertThat(reboot.most.get()).isGreaterThanOrEqualTo(2); // the two applications still went in parallel
        assertThat(events.lines("b").stream().anyMatch(l -> l.contains("waiting: other servers of shop are rebooting"))
                || events.lines("a").stream().anyMatch(l -> l.contains("waiting: other servers of shop"))).isTrue();

        DowntimeProcedure free = new DowntimeProcedure(300);
        runner.start(plan(RunOptions.rebootOnly(false, 4).withKeepOneUp(false), free, "shop/a", "shop/b"))
                .completion().get(20, TimeUnit.SECONDS);
        assertThat(free.mostPerApp.get("shop")).hasValue(2);
    }

    @Test
    void aServerWhoseRebootFailedKeepsItsSlotSoTheOtherServerOfItsApplicationNeverGoesDown() throws Exception {
        DowntimeProcedure reboot = new DowntimeProcedure(100);
        reboot.failing.add("shop/a");
        reboot.failing.add("shop/b");
        // Rolling one at a time, and a limit that lets the run go on after the first failure.
        RunSummary rolling = runner.start(plan(rolling("1").withMaxFailures(2), reboot, "shop/a", "shop/b"))
                .completion().get(20, TimeUnit.SECONDS);
        assertThat(List.copyOf(reboot.journal)).containsExactly("down shop/a", "up shop/a");
        assertThat(rolling.results()).extracting(ServerResult::outcome).containsExactly(RunStep.FAILED, RunStep.FAILED);
        assertThat(rolling.results().get(1).message()).contains("not rebooted").contains("keep one up")
                .contains("shop/a");

        // In parallel the two wait for each other at the gate: whichever goes first and fails keeps the slot.
        DowntimeProcedure parallel = new DowntimeProcedure(100);
        parallel.failing.add("shop/a");
        parallel.failing.add("shop/b");
        RunSummary s = runner.start(plan(RunOptions.rebootOnly(false, 4).withMaxFailures(2), parallel, "shop/a", "shop/b"))
                .completion().get(20, TimeUnit.SECONDS);
        assertThat(parallel.journal.stream().filter(j -> j.startsWith("down"))).hasSize(1);
        assertThat(s.results()).extracting(ServerResult::outcome).containsOnly(RunStep.FAILED);
    }

    @Test
    void aFailedRebootInAnApplicationOfThreeLeavesRoomForOneMoreAtATimeOnly() throws Exception {
        DowntimeProcedure reboot = new DowntimeProcedure(400);
        reboot.failing.add("shop/a");
        reboot.holds.put("shop/a", 20L);
        // a reaches the reboot gate first and fails at once; b and c arrive after that, while a still counts as down.
        Procedure later = new Procedure() {
            @Override
            public String name() {
                return "upgrade";
            }

            @Override
            public ProcedureResult run(ProcedureContext ctx) {
                await().atMost(Duration.ofSeconds(5)).until(() -> reboot.journal.contains("up shop/a"));
                return new ProcedureResult(true, "ok", List.of(), true, List.of());
            }
        };
        List<ServerPlan> plans = List.of(server("shop/a", reboot), server("shop/b", later, reboot), server("shop/c", later, reboot));
        RunSummary s = runner.start(new RunPlan("20261126T000000Z-abcdef", Instant.now(),
                RunOptions.rebootOnly(false, 4).withMaxFailures(3), plans)).completion().get(20, TimeUnit.SECONDS);
        assertThat(s.results()).extracting(ServerResult::outcome).containsExactly(RunStep.FAILED, RunStep.DONE, RunStep.DONE);
        // Counting the failed server as down from its failure on, never more than two of three are down.
        List<String> j = List.copyOf(reboot.journal);
        int down = 1;
        int most = 0;
        for (String e : j.subList(j.indexOf("up shop/a") + 1, j.size())) {
            down += e.startsWith("down") ? 1 : -1;
            most = Math.max(most, down);
        }
        assertThat(most).as(j.toString()).isLessThanOrEqualTo(2);
    }

    private static ServerPlan server(String ref, Procedure... procedures) {
        String[] parts = ref.split("/");
        return new ServerPlan(new ServerRef(parts[0], parts[1]), new ConnectRequest("127.0.0.1", 22, "root", null),
                false, List.of(procedures));
    }

    @Test
    void rebootRunsStopAtTheFirstFailureInParallelAndSerialTooUnlessMaxFailuresSaysOtherwise() throws Exception {
        for (RunOptions options : List.of(RunOptions.rebootOnly(false, 1),
                RunOptions.rebootOnly(false, 4).withStrategy(RunOptions.Strategy.SERIAL))) {
            DowntimeProcedure reboot = new DowntimeProcedure(10);
            reboot.failing.add("a/w1");
            RunSummary s = runner.start(plan(options, reboot, "a/w1", "b/w2", "c/w3")).completion().get(20, TimeUnit.SECONDS);
            assertThat(s.results()).as(options.strategy().name())
                    .extracting(ServerResult::outcome).containsExactly(RunStep.FAILED, RunStep.NOT_STARTED, RunStep.NOT_STARTED);
        }
        DowntimeProcedure reboot = new DowntimeProcedure(10);
        reboot.failing.add("a/w1");
        RunSummary s = runner.start(plan(RunOptions.rebootOnly(false, 1).withMaxFailures(3), reboot, "a/w1", "b/w2", "c/w3"))
                .completion().get(20, TimeUnit.SECONDS);
        assertThat(s.results()).extracting(ServerResult::outcome).containsExactly(RunStep.FAILED, RunStep.DONE, RunStep.DONE);
        // Upgrades without a reboot keep the old default: every server is tried.
        assertThat(RunOptions.security(4).failuresAllowed(6)).isNull();
        assertThat(RunOptions.security(4).withReboot(RunOptions.Reboot.IF_REQUIRED, null).failuresAllowed(6)).isEqualTo(1);
    }

    @Test
    void pauseLetsRunningServersFinishAndStartsNothingUntilResumed() throws Exception {
        DowntimeProcedure reboot = new DowntimeProcedure(10_000);
        reboot.release = new java.util.concurrent.CountDownLatch(1);
        RecordingListener events = new RecordingListener();
        RunHandle run = runner.start(plan(rolling("2").withKeepOneUp(false), reboot, web(4)), events);
        await().atMost(Duration.ofSeconds(5)).until(() -> reboot.down.size() == 2);
        run.pause();
        assertThat(run.isPaused()).isTrue();
        reboot.release.countDown(); // batch 1 comes back
        await().atMost(Duration.ofSeconds(5)).until(() -> !events.of(RunEvent.BatchFinished.class, e -> e.number() == 1).isEmpty());
        // Paused: batch 2 does not start, however long we look.
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> events.of(RunEvent.BatchStarted.class, e -> e.number() == 2).isEmpty());
        assertThat(events.of(RunEvent.Paused.class, e -> true)).singleElement()
                .extracting(RunEvent.Paused::detail).asString().contains("2 running server(s) finish");
        run.resume();
        RunSummary s = run.completion().get(20, TimeUnit.SECONDS);
        assertThat(s.allSucceeded()).isTrue();
        int resumed = events.events.indexOf(events.of(RunEvent.Resumed.class, e -> true).get(0));
        assertThat(events.events.indexOf(events.of(RunEvent.BatchStarted.class, e -> e.number() == 2).get(0))).isGreaterThan(resumed);
    }

    @Test
    void cancelWhilePausedEndsTheRunWithTheRestNotStarted() throws Exception {
        DowntimeProcedure reboot = new DowntimeProcedure(10);
        RecordingListener events = new RecordingListener();
        List<RunHandle> handle = new java.util.concurrent.CopyOnWriteArrayList<>();
        // Pauses from inside the listener, as a window's button handler might on the worker's event.
        RunHandle run = runner.start(plan(rolling("1").withKeepOneUp(false), reboot, web(3)), e -> {
            events.onEvent(e);
            if (e instanceof RunEvent.BatchFinished f && f.number() == 1) {
                handle.get(0).pause();
            }
        }, e -> { });
        handle.add(run);
        await().atMost(Duration.ofSeconds(5)).until(() -> !events.of(RunEvent.Paused.class, e -> true).isEmpty());
        run.cancel();
        RunSummary s = run.completion().get(10, TimeUnit.SECONDS);
        assertThat(s.results()).extracting(ServerResult::outcome).containsExactly(RunStep.DONE, RunStep.NOT_STARTED, RunStep.NOT_STARTED);
    }

    @Test
    void eachServersHistoryLogSaysWhichBatchItWasInAndWhyItDidNotStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        DowntimeProcedure reboot = new DowntimeProcedure(10);
        reboot.failing.add("web/w1");
        RunPlan plan = plan(rolling("1").withKeepOneUp(false), reboot, web(2));
        try (HistoryRecorder recorder = new RunHistory(dir).record(plan)) {
            runner.start(plan, recorder).completion().get(20, TimeUnit.SECONDS);
            String first = java.nio.file.Files.readString(recorder.directory().resolve("web--w1.log"));
            String second = java.nio.file.Files.readString(recorder.directory().resolve("web--w2.log"));
            assertThat(first).contains(" RUN batch 1 of 2 started").contains(" END failed");
            assertThat(second).contains(" RUN stopping: 1 server(s) failed (limit 1): no new server or batch starts")
                    .contains(" END not started");
        }
    }
}
