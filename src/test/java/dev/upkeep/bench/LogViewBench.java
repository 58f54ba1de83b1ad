package dev.upkeep.bench;

import dev.upkeep.run.RunEvent;
import dev.upkeep.run.RunListener;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunStep;
import dev.upkeep.run.ServerPlan;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ui.deploy.RunViewModel;
import dev.upkeep.ui.shared.FxUiExecutor;
import dev.upkeep.ui.shared.Theme;
import dev.upkeep.ui.shared.logs.LogPaneView;
import dev.upkeep.ui.shared.logs.LogPaneViewModel;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast a live log pane takes lines: a producer thread pushes {@code --lines} output events as fast as it can
 * through the window's real path (run listener → batcher → one FX hand-over per batch → capped pane → ListView on
 * screen, following the end), and reports lines/second until the last line is in the pane, the longest gap
 * between two FX pulses meanwhile (a frozen window shows as a long gap), and the heap after GC with the pane full.
 * Run it with bench/log-view (headless Monocle by default). Not a unit test: no assertions, numbers on stdout.
 */
public final class LogViewBench {
    private LogViewBench() {
    }

    public static void main(String[] args) throws Exception {
        int lines = intArg(args, "--lines", 500_000);
        int cap = intArg(args, "--cap", LogPaneViewModel.DEFAULT_CAP);
        int rounds = intArg(args, "--rounds", 3);
        CountDownLatch started = new CountDownLatch(1);
        Platform.setImplicitExit(false); // closing one round's window must not end the toolkit
        Platform.startup(started::countDown);
        started.await();
        Platform.runLater(() -> new Theme(false)); // the -color-* variables of the app's stylesheet
        boolean noView = List.of(args).contains("--no-view");
        for (int round = 1; round <= rounds; round++) {
            round(round, lines, cap, noView);
        }
        Platform.exit();
    }

    private static void round(int round, int lines, int cap, boolean noView) throws Exception {
        ServerRef ref = new ServerRef("bench", "srv01");
        RunPlan plan = new RunPlan("bench-" + round, Instant.now(), RunOptions.security(1),
                List.of(new ServerPlan(ref, new ConnectRequest("127.0.0.1", 22, "root", null), false, List.of())));
        FxUiExecutor fx = new FxUiExecutor();
        AtomicLong handOverNanos = new AtomicLong();
        AtomicLong longestHandOver = new AtomicLong();
        // Times every hand-over to the FX thread: how long the window is busy with the lines themselves.
        dev.upkeep.ui.shared.UiExecutor ui = new dev.upkeep.ui.shared.UiExecutor() {
            @Override
            public <T> void submit(String what, java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> ok,
                                   java.util.function.Consumer<Throwable> failed) {
                fx.submit(what, work, ok, failed);
            }

            @Override
            public void onUi(Runnable action) {
                fx.onUi(timed(action));
            }

            @Override
            public void onUiSoon(Runnable action) {
                fx.onUiSoon(timed(action));
            }

            private Runnable timed(Runnable action) {
                return () -> {
                    long t = System.nanoTime();
                    action.run();
                    long d = System.nanoTime() - t;
                    handOverNanos.addAndGet(d);
                    longestHandOver.accumulateAndGet(d, Math::max);
                };
            }
        };
        RunViewModel run = new RunViewModel(plan, ui, cap, Instant::now);
        LogPaneViewModel pane = run.pane(ref);
        AtomicLong maxGapNanos = new AtomicLong();
        AtomicLong frames = new AtomicLong();
        CountDownLatch shown = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Stage[] stage = new Stage[1];
        AnimationTimer[] timer = new AnimationTimer[1];
        Platform.runLater(() -> {
            // --no-view: the same path without the ListView, to see what the list costs
            javafx.scene.Parent node = noView ? new javafx.scene.layout.Pane() : new LogPaneView(pane, ui).node();
            Stage s = new Stage();
            Scene scene = new Scene(node, 1100, 700);
            scene.getStylesheets().add(Theme.STYLESHEET);
            s.setScene(scene);
            s.show();
            stage[0] = s;
            timer[0] = new AnimationTimer() {
                long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        maxGapNanos.accumulateAndGet(now - last, Math::max);
                    }
                    last = now;
                    frames.incrementAndGet();
                }
            };
            pane.totalProperty().addListener((o, was, now) -> {
                if (now.longValue() >= lines) {
                    done.countDown();
                }
            });
            shown.countDown();
        });
        shown.await();
        Platform.runLater(() -> timer[0].start());
        RunListener listener = run.listener();
        Instant at = Instant.now();
        long t0 = System.nanoTime();
        Thread producer = new Thread(() -> {
            listener.onEvent(new RunEvent.StepChanged(ref, RunStep.UPGRADING, null, at));
            for (int i = 0; i < lines; i++) {
                boolean err = i % 50 == 0;
                listener.onEvent(new RunEvent.Output(ref, err ? RunEvent.Stream.STDERR : RunEvent.Stream.STDOUT,
                        "Unpacking libexample" + (i % 97) + ":amd64 (2.36-9+deb12u" + (i % 13) + ") over (2.36-9) … " + i, at));
            }
        }, "bench-producer");
        producer.start();
        producer.join();
        long produced = System.nanoTime() - t0;
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("lines never all arrived");
        }
        long elapsed = System.nanoTime() - t0;
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            timer[0].stop();
            stopped.countDown();
        });
        stopped.await();
        System.gc();
        Thread.sleep(200); // let the collector finish before reading the heap
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        int[] inPane = new int[1];
        CountDownLatch read = new CountDownLatch(1);
        Platform.runLater(() -> {
            inPane[0] = pane.lines().size();
            read.countDown();
        });
        read.await();
        System.out.printf("round %d: %,d lines in %,d ms = %,.0f lines/s (producer done after %,d ms); FX batches %,d; "
                        + "FX time in hand-overs %,d ms (longest %,d ms); frames %,d, longest pulse gap %,d ms; lines in pane %,d (cap %,d); heap after GC %,d MB%n",
                round, lines, elapsed / 1_000_000, lines / (elapsed / 1e9), produced / 1_000_000, run.batches(),
                handOverNanos.get() / 1_000_000, longestHandOver.get() / 1_000_000, frames.get(), maxGapNanos.get() / 1_000_000, inPane[0], cap, heap / (1024 * 1024));
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            stage[0].close();
            closed.countDown();
        });
        closed.await();
        fx.close();
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
    }
}
