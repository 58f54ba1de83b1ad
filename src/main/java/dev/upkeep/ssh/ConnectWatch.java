package dev.upkeep.ssh;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The bound on one hop's connect, like OpenSSH's ConnectTimeout but over the whole way in: the TCP connect (or the
 * jump host's channel, or the ProxyCommand), the server's banner, the key exchange and authentication. When it
 * expires it notes the phase that stalled and runs the abort, which closes the hop's stream so that whatever
 * sshj is blocked in fails at once. Time spent asking a person for a passphrase, or computing this client's part of
 * the key exchange (seconds for sntrup761 before the JIT has compiled it, more with ten at once on two cores), is not
 * counted: the bound is on waiting for the server.
 */
final class ConnectWatch implements AutoCloseable {
    /** Where a connect can stall, in order. */
    enum Phase {
        CONNECTING, BANNER, KEY_EXCHANGE, AUTHENTICATION
    }

    private final ScheduledExecutorService timers;
    private final Duration limit;
    private final UncountedTime humans;
    private final long humanAtStart;
    private final UncountedTime computing;
    private final long computingAtStart;
    private final long start = System.nanoTime();
    private final UnaryOperator<Phase> phaseNow;
    private final Runnable abort;
    private volatile Phase phase = Phase.CONNECTING;
    private volatile Phase expiredIn;
    private ScheduledFuture<?> timer;
    private boolean closed;

    /**
     * @param phaseNow refines the phase set last from what the connection shows (socket connected, banner seen)
     * @param abort    closes the hop's stream; called once, on a timer thread
     */
    ConnectWatch(ScheduledExecutorService timers, Duration limit, UncountedTime humans, UncountedTime computing,
                 UnaryOperator<Phase> phaseNow, Runnable abort) {
        this.timers = timers;
        this.limit = limit;
        this.humans = humans;
        this.humanAtStart = humans.nanos();
        this.computing = computing;
        this.computingAtStart = computing.nanos();
        this.phaseNow = phaseNow;
        this.abort = abort;
    }

    /** Starts the clock; separate from construction so the abort may refer to the watch. */
    ConnectWatch start() {
        schedule(limit.toNanos());
        return this;
    }

    void phase(Phase p) {
        phase = p;
    }

    Phase phase() {
        return phase;
    }

    Duration limit() {
        return limit;
    }

    boolean expired() {
        return expiredIn != null;
    }

    /** The phase that was running when the bound expired, or null. */
    Phase expiredIn() {
        return expiredIn;
    }

    private synchronized void schedule(long nanos) {
        if (!closed) {
            timer = timers.schedule(this::check, Math.max(nanos, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
        }
    }

    private void check() {
        long counted = System.nanoTime() - start - (humans.nanos() - humanAtStart)
                - (computing.nanos() - computingAtStart);
        if (counted < limit.toNanos()) {
            schedule(limit.toNanos() - counted); // someone was asked for a passphrase, or the key exchange computed
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            Phase p = phase;
            try {
                p = phaseNow.apply(p);
            } catch (RuntimeException e) {
                // keep the coarse phase: aborting is what matters
            }
            expiredIn = p;
        }
        abort.run();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
