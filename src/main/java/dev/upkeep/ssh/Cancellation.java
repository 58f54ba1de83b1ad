package dev.upkeep.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * A cooperative cancel token: whoever runs work registers what to do on cancel (close a channel); whoever
 * wants it stopped calls {@link #cancel()}. Callbacks run once, on the cancelling thread, so they must be quick.
 */
public final class Cancellation {
    private final List<Runnable> callbacks = new ArrayList<>();
    private volatile boolean cancelled;

    /** A token nobody cancels. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(callbacks);
            callbacks.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code callback} on cancel (at once if already cancelled); closing the returned handle unregisters it. */
    public Registration onCancel(Runnable callback) {
        synchronized (this) {
            if (!cancelled) {
                callbacks.add(callback);
                return () -> {
                    synchronized (this) {
                        callbacks.remove(callback);
                    }
                };
            }
        }
        callback.run();
        return () -> { };
    }

    /** Unregisters a cancel callback. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
