package dev.upkeep.ui.deploy;

import dev.upkeep.ui.shared.UiExecutor;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/** Work runs at once on the calling thread; hand-overs to the "FX thread" wait until the test runs them. */
final class ManualUiExecutor implements UiExecutor {
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    int handOvers;

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
        pending.add(action);
    }

    @Override
    public void onUiSoon(Runnable action) {
        pending.add(action);
    }

    /** Runs what was handed over so far, as the FX thread would. */
    void runPending() {
        for (Runnable r; (r = pending.poll()) != null; ) {
            handOvers++;
            r.run();
        }
    }
}
