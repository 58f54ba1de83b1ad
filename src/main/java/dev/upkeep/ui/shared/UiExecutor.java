package dev.upkeep.ui.shared;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way work leaves the FX thread and results come back to it. Views and view models never touch
 * Platform.runLater or threads themselves; tests use an executor that runs everything on the calling thread.
 */
public interface UiExecutor {
    /** Runs {@code work} off the FX thread; exactly one of the callbacks then runs on the FX thread. */
    <T> void submit(String what, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the FX thread, after anything handed over before it. */
    void onUi(Runnable action);

    /** Runs {@code action} on the FX thread after a short pause, so that events arriving meanwhile join one batch. */
    void onUiSoon(Runnable action);
}
