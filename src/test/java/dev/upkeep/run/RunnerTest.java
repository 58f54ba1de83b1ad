package dev.upkeep.run;

import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.SudoCheck;
import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;
import dev.upkeep.ssh.UnreachableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner with fake procedures and fake connections: ordering, failure limits, cancel, sudo, events. */
class RunnerTest {
    private final Queue<String> journal = new ConcurrentLinkedQueue<>();
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    private final AtomicInteger passwordAsked = new AtomicInteger();
    private final char[] password = "s3cret".toCharArray();
    private final Connections connections = new Connections() {
        @Override
        public SshConnection get(ServerPlan server) throws SshException {
            if (unreachable.contains(server.ref().server())) {
                throw new UnreachableException(server.ref().server(), "connection refused", null);
            }
            return null; // fake procedures never touch the connection
        }

        @Override
        public void evict(ServerPlan server) {
        }
    };
    private final Queue<String> questions = new ConcurrentLinkedQueue<>();
    private final SudoSession sudo = new SudoSession((title, question) -> {
        passwordAsked.incrementAndGet();
        questions.add(question);
        return password;
    });
    /** Servers whose sudo asks for a password; the others' does not (a fake of the SSH round trip). */
    private final Set<String> sudoAsks = ConcurrentHashMap.newKeySet();
    private final Runner runner = new Runner(connections, sudo, (server, cancel) -> new SudoCheck("admin",
            sudoAsks.contains(server.ref().server()) ? SudoCheck.Need.PASSWORD : SudoCheck.Need.NO_PASSWORD, null));

    @AfterEach
    void close() {
        runner.close();
        sudo.close();
    }

    private ServerPlan server(String name, boolean sudo, Procedure... procedures) {
        return new ServerPlan(new ServerRef("shop", name), new ConnectRequest("127.0.0.1", 22, "root", null), sudo, List.of(procedures));
    }

    private FakeProcedure fake(String name, FakeProcedure.Mode mode) {
        return new FakeProcedure(name, mode, journal);
    }

    private static RunPlan plan(RunOptions options, ServerPlan... servers) {
        return new RunPlan("20261126T000000Z-abcdef", java.time.Instant.now(), options, List.of(servers));
    }

    private static RunOptions serial() {
        return RunOptions.security(4).withStrategy(RunOptions.Strategy.SERIAL);
    }

    @Test
    void serialRunTakesServersAndTheirProceduresInPlanOrder() throws Exception {
        RecordingListener events = new RecordingListener();
        RunSummary s = runner.start(plan(serial(),
                server("a", false, fake("security", FakeProcedure.Mode.SUCCEED), fake("docker", FakeProcedure.Mode.SUCCEED)),
                server("b", false, fake("security", FakeProcedure.Mode.SUCCEED))), events).completion().get(10, TimeUnit.SECONDS);
        assertThat(journal).containsExactly("shop/a:security", "shop/a:docker", "shop/b:security");
        assertThat(s.allSucceeded()).isTrue();
        assertThat(s.results().get(0).upgraded()).containsExactly("security-pkg 2.0", "docker-pkg 2.0");
        assertThat(s.results().get(0).rebootRequired()).isTrue();
        assertThat(events.events.get(0)).isInstanceOf(RunEvent.RunStarted.class);
        assertThat(events.events.get(events.events.size() - 1)).isInstanceOf(RunEvent.RunFinished.class);
        assertThat(events.steps("a", RunStep.QUEUED)).hasSize(1);
        assertThat(events.steps("a", RunStep.CONNECTING)).hasSize(1);
        assertThat(events.steps("a", RunStep.DONE)).hasSize(1);
        assertThat(events.lines("b")).contains("hello from security");
        assertThat(events.of(RunEvent.ServerFinished.class, e -> true)).hasSize(2);
        assertThat(passwordAsked).hasValue(0);
    }

    @Test
    void aFailedProcedureSkipsTheRestOfThatServerOnly() throws Exception {
        RunSummary s = runner.start(plan(serial(),
                server("a", false, fake("security", FakeProcedure.Mode.FAIL), fake("docker", FakeProcedure.Mode.SUCCEED)),
                server("b", false, fake("security", FakeProcedure.Mode.SUCCEED)))).completion().get(10, TimeUnit.SECONDS);
        assertThat(journal).containsExactly("shop/a:security", "shop/b:security");
        assertThat(s.results().get(0).outcome()).isEqualTo(RunStep.FAILED);
        assertThat(s.results().get(0).message()).contains("security broke");
        assertThat(s.results().get(1).outcome()).isEqualTo(RunStep.DONE);
        assertThat(s.allSucceeded()).isFalse();
    }

    @Test
    void unreachableServerFailsAloneInAParallelRun() throws Exception {
        unreachable.add("b");
        List<ServerPlan> servers = new ArrayList<>();
        for (String n : List.of("a", "b", "c", "d", "e")) {
            servers.add(server(n, false, fake("security", FakeProcedure.Mode.SUCCEED)));
        }
        RunSummary s = runner.start(plan(RunOptions.security(3), servers.toArray(ServerPlan[]::new)))
                .completion().get(10, TimeUnit.SECONDS);
        assertThat(s.results()).extracting(ServerResult::outcome)
                .containsExactly(RunStep.DONE, RunStep.FAILED, RunStep.DONE, RunStep.DONE, RunStep.DONE);
        assertThat(s.results().get(1).message()).contains("connection refused");
        assertThat(s.failures()).isEqualTo(1);
    }

    @Test
    void maxFailuresStopsStartingNewServers() throws Exception {
        RunOptions options = serial().withMaxFailures(2);
        RunSummary s = runner.start(plan(options,
                server("a", false, fake("security", FakeProcedure.Mode.FAIL)),
                server("b", false, fake("security", FakeProcedure.Mode.SUCCEED)),
                server("c", false, fake("security", FakeProcedure.Mode.FAIL)),
                server("d", false, fake("security", FakeProcedure.Mode.SUCCEED)))).completion().get(10, TimeUnit.SECONDS);
        assertThat(journal).containsExactly("shop/a:security", "shop/b:security", "shop/c:security");
        assertThat(s.results()).extracting(ServerResult::outcome).containsExactly(RunStep.FAILED, RunStep.DONE, RunStep.FAILED, RunStep.NOT_STARTED);
        assertThat(s.results().get(3).message()).contains("2 server(s) failed");
        assertThat(s.results().get(3).started()).isNull();
    }

    @Test
    void cancelStopsTheRunningServerSafelyAndNeverStartsTheOthers() throws Exception {
        FakeProcedure blocking = fake("security", FakeProcedure.Mode.BLOCK);
        RecordingListener events = new RecordingListener();
        RunHandle run = runner.start(plan(serial(),
                server("a", false, blocking),
                server("b", false, fake("security", FakeProcedure.Mode.SUCCEED))), events);
        assertThat(blocking.started.await(10, TimeUnit.SECONDS)).isTrue();
        run.cancel();
        RunSummary s = run.completion().get(10, TimeUnit.SECONDS);
        assertThat(journal).containsExactly("shop/a:security");
        assertThat(s.results().get(0).outcome()).isEqualTo(RunStep.CANCELLED);
        assertThat(s.results().get(0).message()).contains("continues on the server");
        assertThat(s.results().get(1).outcome()).isEqualTo(RunStep.NOT_STARTED);
        assertThat(s.results().get(1).message()).contains("cancelled");
        assertThat(events.steps("b", RunStep.NOT_STARTED)).hasSize(1);
    }

    @Test
    void cancelLetsAServerMidRebootComeBackAndBeVerifiedAndStartsNoOther() throws Exception {
        DowntimeProcedure reboot = new DowntimeProcedure(30_000);
        FakeProcedure upgrade = fake("security", FakeProcedure.Mode.SUCCEED);
        RecordingListener events = new RecordingListener();
        RunHandle run = runner.start(plan(serial().withReboot(RunOptions.Reboot.ALWAYS, null),
                server("a", false, upgrade, reboot), server("b", false, fake("security", FakeProcedure.Mode.SUCCEED), reboot)),
                events);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> reboot.down.contains("shop/a"));
        run.cancel();
        // Cancelled, yet still waiting for the server that is rebooting: the run does not end.
        org.awaitility.Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> !run.completion().isDone());
        reboot.release.countDown(); // a comes back
        RunSummary s = run.completion().get(10, TimeUnit.SECONDS);
        assertThat(s.cancelled()).isTrue();
        assertThat(s.results()).extracting(ServerResult::outcome).containsExactly(RunStep.DONE, RunStep.NOT_STARTED);
        assertThat(s.results().get(0).message()).contains("reboot: rebooted");
        assertThat(journal).containsExactly("shop/a:security");
        assertThat(events.of(RunEvent.Cancelling.class, e -> true)).extracting(RunEvent.Cancelling::stopWaiting)
                .containsExactly(false);
    }

    @Test
    void stopWaitingLeavesAServerMidRebootUnverifiedAndTheRestOfItsWorkUndone() throws Exception {
        DowntimeProcedure reboot = new DowntimeProcedure(30_000);
        RecordingListener events = new RecordingListener();
        RunHandle run = runner.start(plan(RunOptions.rebootOnly(false, 4),
                server("a", false, reboot), server("b", false, reboot)), events);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> reboot.down.size() == 1);
        run.cancel();
        run.stopWaiting();
        RunSummary s = run.completion().get(10, TimeUnit.SECONDS);
        assertThat(s.cancelled()).isTrue();
        // Whichever server reached the keep-one-up gate first went down; the other one waited there.
        String wentDown = reboot.down.iterator().next();
        ServerResult first = s.results().stream().filter(r -> (r.server().application() + "/" + r.server().server()).equals(wentDown)).findFirst().orElseThrow();
        assertThat(first.outcome()).isEqualTo(RunStep.UNVERIFIED);
        assertThat(first.rebootRequired()).as("unknown: still required").isTrue();
        assertThat(first.message()).contains("mid-reboot");
        // The other one waited for its turn at the keep-one-up gate: cancelled there, never rebooted.
        assertThat(s.results()).extracting(ServerResult::outcome).containsExactlyInAnyOrder(RunStep.UNVERIFIED, RunStep.CANCELLED);
        assertThat(s.results()).filteredOn(r -> r.outcome() == RunStep.CANCELLED).singleElement()
                .extracting(ServerResult::message).isEqualTo("cancelled before reboot");
        assertThat(reboot.journal.stream().filter(j -> j.startsWith("down"))).hasSize(1);
        assertThat(events.of(RunEvent.Cancelling.class, e -> true)).extracting(RunEvent.Cancelling::stopWaiting)
                .containsExactly(false, true);
    }

    @Test
    void aCancelledRunIsRecordedAsCancelledWithEachServersOutcome(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        FakeProcedure blocking = fake("security", FakeProcedure.Mode.BLOCK);
        RunPlan plan = plan(serial(), server("a", false, blocking), server("b", false, fake("security", FakeProcedure.Mode.SUCCEED)));
        RunHistory history = new RunHistory(dir);
        try (HistoryRecorder recorder = history.record(plan)) {
            RunHandle run = runner.start(plan, recorder);
            assertThat(blocking.started.await(10, TimeUnit.SECONDS)).isTrue();
            run.cancel();
            run.completion().get(10, TimeUnit.SECONDS);
        }
        RunSummary loaded = history.load(plan.id()).orElseThrow();
        assertThat(loaded.cancelled()).isTrue();
        assertThat(loaded.finished()).isNotNull();
        assertThat(loaded.results()).extracting(ServerResult::outcome).containsExactly(RunStep.CANCELLED, RunStep.NOT_STARTED);
        String json = java.nio.file.Files.readString(dir.resolve("runs").resolve(plan.id()).resolve("summary.json"));
        assertThat(json).contains("\"cancelled\" : true").contains("\"outcome\" : \"NOT_STARTED\"");
        assertThat(java.nio.file.Files.readString(dir.resolve("runs").resolve(plan.id()).resolve("shop--b.log")))
                .contains(" RUN cancelled: no new server starts");
    }

    @Test
    void sudoPasswordIsAskedOnceNamingTheServersWhoseSudoAsksAndWipedWhenTheSessionCloses() throws Exception {
        sudoAsks.addAll(List.of("a", "b"));
        RunSummary s = runner.start(plan(RunOptions.security(2),
                server("a", true, fake("security", FakeProcedure.Mode.SUCCEED)),
                server("b", true, fake("security", FakeProcedure.Mode.SUCCEED)),
                server("n", true, fake("security", FakeProcedure.Mode.SUCCEED)),
                server("c", false, fake("security", FakeProcedure.Mode.SUCCEED)))).completion().get(10, TimeUnit.SECONDS);
        assertThat(s.allSucceeded()).isTrue();
        runner.start(plan(RunOptions.security(2), server("a", true, fake("security", FakeProcedure.Mode.SUCCEED))))
                .completion().get(10, TimeUnit.SECONDS);
        assertThat(passwordAsked).as("a second run of the same session asks nothing").hasValue(1);
        assertThat(questions).containsExactly("sudo password for admin@a, admin@b");
        assertThat(new String(password)).isEqualTo("s3cret");
        sudo.close();
        assertThat(new String(password)).isEqualTo("\0".repeat(6));
    }

    @Test
    void noPasswordIsAskedWhenNoServersSudoAsksForOne() throws Exception {
        RunSummary s = runner.start(plan(RunOptions.security(2),
                server("a", true, fake("security", FakeProcedure.Mode.SUCCEED)),
                server("c", false, fake("security", FakeProcedure.Mode.SUCCEED)))).completion().get(10, TimeUnit.SECONDS);
        assertThat(s.allSucceeded()).isTrue();
        assertThat(passwordAsked).hasValue(0);
    }

    @Test
    void parallelRunKeepsAtMostConcurrencyServersBusy() throws Exception {
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        java.util.concurrent.CountDownLatch firstThree = new java.util.concurrent.CountDownLatch(3);
        Procedure counting = new Procedure() {
            @Override
            public String name() {
                return "count";
            }

            @Override
            public dev.upkeep.remote.ProcedureResult run(dev.upkeep.remote.ProcedureContext ctx) {
                most.accumulateAndGet(busy.incrementAndGet(), Math::max);
                firstThree.countDown();
                try {
                    firstThree.await(5, TimeUnit.SECONDS); // the first three meet here: all three workers are busy at once
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                busy.decrementAndGet();
                return new dev.upkeep.remote.ProcedureResult(true, "ok", List.of(), false, List.of());
            }
        };
        List<ServerPlan> servers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            servers.add(server("s" + i, false, counting));
        }
        RunSummary s = runner.start(plan(RunOptions.security(3).withLockWait(Duration.ofSeconds(1)), servers.toArray(ServerPlan[]::new)))
                .completion().get(20, TimeUnit.SECONDS);
        assertThat(s.allSucceeded()).isTrue();
        assertThat(most.get()).isEqualTo(3);
    }
}
