package dev.upkeep.ui.deploy;

import dev.upkeep.run.RunEvent;
import dev.upkeep.run.RunHandle;
import dev.upkeep.run.RunListener;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunStep;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.ServerPlan;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.ServerResult;
import dev.upkeep.ssh.ConnectRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RunViewModelTest {
    private static final ServerRef A = new ServerRef("shop", "web1");
    private static final ServerRef B = new ServerRef("shop", "web2");
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final ManualUiExecutor ui = new ManualUiExecutor();
    private final RunPlan plan = new RunPlan("20261126T100000Z-abcdef", T0, RunOptions.security(10), List.of(
            new ServerPlan(A, new ConnectRequest("127.0.0.1", 22, "root", null), false, List.of()),
            new ServerPlan(B, new ConnectRequest("127.0.0.1", 23, "root", null), false, List.of())));
    private final RunViewModel vm = new RunViewModel(plan, ui, 10_000, () -> T0.plusSeconds(5));

    private static RunEvent.Output out(ServerRef s, String line, boolean err) {
        return new RunEvent.Output(s, err ? RunEvent.Stream.STDERR : RunEvent.Stream.STDOUT, line, T0);
    }

    private static ServerResult result(ServerRef s, RunStep outcome) {
        return new ServerResult(s, outcome, outcome.label(), T0, Duration.ofSeconds(3), List.of("openssl 3.0.13"), false, List.of());
    }

    @Test
    void linesFromTheRunThreadsReachThePanesInOneHandOverPerBatch() throws Exception {
        RunListener listener = vm.listener();
        Thread worker = new Thread(() -> {
            listener.onEvent(new RunEvent.RunStarted(plan, T0));
            listener.onEvent(new RunEvent.StepChanged(A, RunStep.UPGRADING, "unattended-upgrades", T0));
            for (int i = 0; i < 4000; i++) {
                listener.onEvent(out(i % 2 == 0 ? A : B, "line " + i, i % 100 == 0));
            }
        });
        worker.start();
        worker.join();
        ui.runPending();

        assertThat(ui.handOvers).as("4,002 events, one hand-over").isEqualTo(1);
        assertThat(vm.batches()).isEqualTo(1);
        assertThat(vm.pane(A).lines()).hasSize(2000);
        assertThat(vm.pane(B).lines()).hasSize(2000);
        assertThat(vm.pane(A).lines().get(0).error()).as("stderr stays stderr").isTrue();
        assertThat(vm.pane(A).lines().get(1).error()).isFalse();
        assertThat(vm.rows().get(0).stepProperty().get()).isEqualTo(RunStep.UPGRADING);
        assertThat(vm.rows().get(0).detailProperty().get()).isEqualTo("unattended-upgrades");
        assertThat(vm.rows().get(0).progress()).as("running: indeterminate").isEqualTo(-1);
        assertThat(vm.rows().get(1).stepProperty().get()).isEqualTo(RunStep.QUEUED);
        assertThat(vm.rows().get(0).durationProperty().get()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aFloodIsHandedOverInBoundedBatchesSoTheWindowKeepsPainting() {
        for (int i = 0; i < RunViewModel.MAX_BATCH * 2 + 1; i++) {
            vm.listener().onEvent(out(A, "line " + i, false));
        }
        ui.runPending();
        assertThat(vm.batches()).isEqualTo(3);
        assertThat(vm.pane(A).totalProperty().get()).isEqualTo(RunViewModel.MAX_BATCH * 2 + 1);
        assertThat(vm.pane(A).lines().get(vm.pane(A).lines().size() - 1).text()).isEqualTo("line " + RunViewModel.MAX_BATCH * 2);
    }

    @Test
    void aServerPrintingFasterThanTheWindowDrawsIsCountedNotQueuedAndItsPaneSaysSo() {
        int flood = QueuedOutput.MAX_LINES + 50_000;
        for (int i = 0; i < flood; i++) {
            vm.listener().onEvent(out(A, "line " + i, false));
        }
        assertThat(vm.queuedLines()).as("lines held for the FX thread").isEqualTo(QueuedOutput.MAX_LINES);
        vm.listener().onEvent(out(B, "web2 waits its turn", false));
        assertThat(vm.queuedLines()).isEqualTo(QueuedOutput.MAX_LINES);
        ui.runPending();
        assertThat(vm.queuedLines()).isZero();

        vm.listener().onEvent(out(A, "after the flood", false));
        vm.listener().onEvent(new RunEvent.ServerFinished(result(B, RunStep.DONE), T0));
        ui.runPending();
        List<String> a = vm.pane(A).lines().stream().map(l -> l.text()).toList();
        assertThat(a.subList(a.size() - 2, a.size())).containsExactly(
                "upkeep: … 50,000 lines not shown here (the window could not keep up); the run's log on disk has them",
                "after the flood");
        assertThat(vm.pane(B).lines().stream().map(l -> l.text()).toList()).containsExactly(
                "upkeep: … 1 line not shown here (the window could not keep up); the run's log on disk has them");
    }

    @Test
    void theOverviewShowsEachServersResultAndTheRunEndsOnce() {
        List<RunSummary> finished = new ArrayList<>();
        vm.onFinished(finished::add);
        vm.listener().onEvent(new RunEvent.ServerFinished(result(A, RunStep.DONE), T0));
        ui.runPending();
        assertThat(vm.progressProperty().get()).isEqualTo(0.5);
        assertThat(vm.runningProperty().get()).isTrue();

        RunSummary summary = new RunSummary(plan.id(), "alice", T0, T0.plusSeconds(9), plan.options(), List.of(A, B),
                List.of(result(A, RunStep.DONE), result(B, RunStep.FAILED)));
        vm.listener().onEvent(new RunEvent.ServerFinished(result(B, RunStep.FAILED), T0));
        vm.listener().onEvent(new RunEvent.RunFinished(summary, T0));
        ui.runPending();

        assertThat(vm.rows().get(1).stepProperty().get()).isEqualTo(RunStep.FAILED);
        assertThat(vm.rows().get(1).progress()).isEqualTo(1);
        assertThat(vm.rows().get(0).durationProperty().get()).isEqualTo(Duration.ofSeconds(3));
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Run finished: 1 done, 1 failed");
        assertThat(finished).containsExactly(summary);
    }

    @Test
    void cancelAsksTheCoreOnceEvenWhenPressedBeforeTheRunHasStarted() {
        AtomicInteger cancels = new AtomicInteger();
        vm.cancel();
        vm.cancel();
        assertThat(vm.cancellingProperty().get()).isTrue();
        vm.attach(new RunHandle() {
            @Override
            public String id() {
                return plan.id();
            }

            @Override
            public void cancel() {
                cancels.incrementAndGet();
            }

            @Override
            public CompletableFuture<RunSummary> completion() {
                return new CompletableFuture<>();
            }
        });
        assertThat(cancels).hasValue(1);
        assertThat(vm.messageProperty().get()).startsWith("Cancelling");
    }

    @Test
    void aSecondPressStopsWaitingForServersMidRebootAsASecondCtrlCDoes() {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        vm.attach(new RunHandle() {
            @Override
            public String id() {
                return plan.id();
            }

            @Override
            public void cancel() {
                calls.add("cancel");
            }

            @Override
            public void stopWaiting() {
                calls.add("stop waiting");
            }

            @Override
            public CompletableFuture<RunSummary> completion() {
                return new CompletableFuture<>();
            }
        });
        vm.cancel();
        assertThat(vm.messageProperty().get()).contains("rebooting is waited for and verified");
        assertThat(vm.stoppedWaitingProperty().get()).isFalse();
        vm.stopWaiting();
        vm.stopWaiting();
        assertThat(calls).containsExactly("cancel", "stop waiting");
        assertThat(vm.stoppedWaitingProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("Stopped waiting: servers mid-reboot are left unverified");
    }

    @Test
    void pauseAsksTheCoreAndTheWindowFollowsWhatTheCoreReports() {
        List<String> calls = new java.util.ArrayList<>();
        vm.listener().onEvent(new RunEvent.RunStarted(plan, T0));
        ui.runPending();
        vm.attach(new RunHandle() {
            @Override
            public String id() {
                return plan.id();
            }

            @Override
            public void cancel() {
                calls.add("cancel");
            }

            @Override
            public void pause() {
                calls.add("pause");
            }

            @Override
            public void resume() {
                calls.add("resume");
            }

            @Override
            public CompletableFuture<RunSummary> completion() {
                return new CompletableFuture<>();
            }
        });
        vm.pause();
        assertThat(calls).containsExactly("pause");
        assertThat(vm.pausedProperty().get()).as("not paused until the core says so").isFalse();
        vm.listener().onEvent(new RunEvent.Paused("by the user", T0));
        ui.runPending();
        assertThat(vm.pausedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("paused");
        vm.resume();
        vm.listener().onEvent(new RunEvent.Resumed(T0));
        ui.runPending();
        assertThat(calls).containsExactly("pause", "resume");
        assertThat(vm.pausedProperty().get()).isFalse();
    }
}
