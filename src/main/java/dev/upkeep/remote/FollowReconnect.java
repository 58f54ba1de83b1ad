package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a follower of a detached job rides out a dropped connection: it keeps trying for a window of time, pausing
 * longer after each failed reconnect (0.5 s doubling to 10 s), and starts afresh once a reconnect succeeds. The job on
 * the server goes on regardless; this only decides when following gives up.
 */
final class FollowReconnect {
    private static final long FIRST_PAUSE_MILLIS = 500;
    private static final long LONGEST_PAUSE_MILLIS = 10_000;

    private final ProcedureContext ctx;
    private final Duration window;
    private final Cancellation pauseEnd;
    private long lostSince;
    private long pauseMillis = FIRST_PAUSE_MILLIS;

    /** @param pauseEnd cuts a pause short (the follower's own idea of "stop following") */
    FollowReconnect(ProcedureContext ctx, Duration window, Cancellation pauseEnd) {
        this.ctx = ctx;
        this.window = window;
        this.pauseEnd = pauseEnd;
    }

    /** Notes that the connection is lost; true once it has been lost, without a reconnect between, past the window. */
    boolean lostTooLong() {
        long now = System.nanoTime();
        if (lostSince == 0) {
            lostSince = now;
        }
        return now - lostSince > window.toNanos();
    }

    /** "connection lost for more than N min (why)", for the follower that gives up. */
    String givingUp(SshException e) {
        return "connection lost for more than " + window.toMinutes() + " min (" + e.getMessage() + ")";
    }

    /** Pauses, then reconnects and says how that went; a pause cut short returns at once without reconnecting. */
    void pauseThenReconnect() {
        if (!pause(pauseMillis)) {
            return;
        }
        pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE_MILLIS);
        try {
            ctx.reconnect();
            narrate("reconnected");
            lostSince = 0;
            pauseMillis = FIRST_PAUSE_MILLIS;
        } catch (SshException again) {
            narrate("reconnect failed: " + again.getMessage());
        }
    }

    private void narrate(String text) {
        ctx.line(OutputListener.Stream.STDOUT, "upkeep: " + text);
    }

    /** Waits, or returns false at once when the pause is cut short. */
    private boolean pause(long millis) {
        CountDownLatch cut = new CountDownLatch(1);
        try (var reg = pauseEnd.onCancel(cut::countDown)) {
            return !cut.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
