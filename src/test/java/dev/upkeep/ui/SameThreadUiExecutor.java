package dev.upkeep.ui;

import dev.upkeep.ui.shared.UiExecutor;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and its callbacks at once on the calling thread: view-model tests need no FX thread. */
public final class SameThreadUiExecutor implements UiExecutor {
    @Override
    public <T> void submit(String what, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
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
    public void onUi(Runnable action) {
        action.run();
    }

    @Override
    public void onUiSoon(Runnable action) {
        action.run();
    }
}
