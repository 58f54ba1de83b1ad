package dev.upkeep.remote;

import dev.upkeep.base.Threads;
import dev.upkeep.ssh.Cancellation;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waiting the reboot way: pauses that end early on cancel, and cancel tokens that fire by themselves after a
 * time limit (a command on a server that stopped answering would otherwise wait for TCP to give up). One timer
 * serves one server's reboot and is closed with it: its thread starts with the first limit and ends on close.
 */
final class RebootTimer implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Threads.single("reboot-timer"));

    /** Waits {@code duration} unless {@code cancel} fires first; true when it was cancelled (or interrupted). */
    static boolean pause(Cancellation cancel, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return cancel.isCancelled();
        }
        CountDownLatch latch = new CountDownLatch(1);
        try (Cancellation.Registration ignored = cancel.onCancel(latch::countDown)) {
            latch.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return cancel.isCancelled();
    }

    /** A token that fires when {@code parent} does or after {@code limit}; close it to stop both links. */
    Limited limit(Cancellation parent, Duration limit) {
        Cancellation child = new Cancellation();
        Cancellation.Registration link = parent.onCancel(child::cancel);
        ScheduledFuture<?> timeout = timer.schedule(child::cancel, Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        return new Limited(child, parent, link, timeout);
    }

    /** Stops the thread; a limit still pending never fires (its parent's cancel still reaches the token). */
    @Override
    public void close() {
        timer.shutdownNow();
    }

    record Limited(Cancellation token, Cancellation parent, Cancellation.Registration link, ScheduledFuture<?> timeout)
            implements AutoCloseable {
        /** True when the token fired because of the time limit, not because the parent was cancelled. */
        boolean timedOut() {
            return token.isCancelled() && !parent.isCancelled();
        }

        @Override
        public void close() {
            timeout.cancel(false);
            link.close();
        }
    }
}
