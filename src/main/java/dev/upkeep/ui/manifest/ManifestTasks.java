package dev.upkeep.ui.manifest;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where the editor's work runs: {@code work} off the FX thread, the callbacks on it. The window passes
 * {@link FxManifestTasks}, which goes through the window's one {@code UiExecutor}; tests run everything at once.
 */
public interface ManifestTasks {

    <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} (on the FX thread) after {@code delay}, replacing the action still pending. */
    void debounce(Duration delay, Runnable action);

    /** Runs everything immediately on the calling thread (tests, and code that is already off the FX thread). */
    static ManifestTasks immediate() {
        return new ManifestTasks() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }

            @Override
            public void debounce(Duration delay, Runnable action) {
                action.run();
            }
        };
    }
}
