package dev.upkeep.ui.shared;

import dev.upkeep.base.Threads;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The window's executor: two named daemon workers for file I/O and trust, results delivered with runLater. */
public final class FxUiExecutor implements UiExecutor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FxUiExecutor.class);
    /** Long enough to gather a burst of server answers into one repaint, short enough to feel live. */
    static final long BATCH_MILLIS = 60;

    private final ExecutorService workers = Executors.newFixedThreadPool(2, Threads.named("upkeep-ui-worker"));
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(Threads.named("upkeep-ui-pacer"));

    @Override
    public <T> void submit(String what, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        workers.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                log.warn("{} failed: {}", what, e.toString());
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onUi(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public void onUiSoon(Runnable action) {
        pacer.schedule(() -> Platform.runLater(action), BATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        pacer.shutdownNow();
    }
}
