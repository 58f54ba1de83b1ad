package dev.upkeep.ssh;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The idle and overall bounds of one running command. Checks are scheduled, not polled: the idle check re-arms
 * itself for the rest of the bound whenever output arrived meanwhile. Expiry is reported once, with the reason.
 */
final class CommandDeadlines implements AutoCloseable {
    private final ScheduledExecutorService timers;
    /** The idle bound now (it may change once, when a command's first part ends); null for none. */
    private final Supplier<Duration> idle;
    private final LongSupplier lastOutput;
    private final Consumer<String> onExpiry;
    private ScheduledFuture<?> idleCheck;
    private ScheduledFuture<?> overallCheck;
    private boolean done;

    CommandDeadlines(ScheduledExecutorService timers, CommandLimits limits, Supplier<Duration> idle,
                     LongSupplier lastOutputNanos, Consumer<String> onExpiry) {
        this.timers = timers;
        this.idle = idle;
        this.lastOutput = lastOutputNanos;
        this.onExpiry = onExpiry;
        synchronized (this) {
            Duration first = idle.get();
            if (first != null) {
                idleCheck = timers.schedule(this::checkIdle, first.toNanos(), TimeUnit.NANOSECONDS);
            }
            if (limits.overall() != null) {
                Duration overall = limits.overall();
                overallCheck = timers.schedule(() -> expire("did not finish within " + seconds(overall)),
                        overall.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void checkIdle() {
        long quiet = System.nanoTime() - lastOutput.getAsLong();
        Duration bound = idle.get();
        if (bound == null) {
            return;
        }
        if (quiet < bound.toNanos()) {
            synchronized (this) {
                if (!done) {
                    idleCheck = timers.schedule(this::checkIdle, bound.toNanos() - quiet, TimeUnit.NANOSECONDS);
                }
            }
            return;
        }
        expire("no output for " + seconds(bound));
    }

    private void expire(String reason) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            cancelChecks();
        }
        onExpiry.accept(reason);
    }

    private static String seconds(Duration d) {
        return d.toSeconds() >= 1 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private void cancelChecks() {
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        if (overallCheck != null) {
            overallCheck.cancel(false);
        }
    }

    @Override
    public synchronized void close() {
        done = true;
        cancelChecks();
    }
}
