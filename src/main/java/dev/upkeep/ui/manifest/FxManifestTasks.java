package dev.upkeep.ui.manifest;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** {@link ManifestTasks} on one named daemon thread, callbacks via {@code Platform.runLater}. Close it on exit. */
public final class FxManifestTasks implements ManifestTasks, AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "manifest-editor");
        t.setDaemon(true);
        return t;
    });
    private PauseTransition pending;

    @Override
    public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        executor.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | StackOverflowError e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    /** Must be called on the FX thread (the editor's text listener is). */
    @Override
    public void debounce(java.time.Duration delay, Runnable action) {
        if (pending != null) {
            pending.stop();
        }
        pending = new PauseTransition(Duration.millis(delay.toMillis()));
        pending.setOnFinished(e -> action.run());
        pending.play();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
