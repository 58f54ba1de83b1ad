package dev.upkeep.remote;

import dev.upkeep.ssh.CommandCancelledException;
import dev.upkeep.ssh.HostKeyChangedException;
import dev.upkeep.ssh.HostKeyRevokedException;
import dev.upkeep.ssh.HostKeyUnknownException;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The two waits of a reboot: for the old connection to drop (or stop answering), then for SSH to answer again.
 * Host-key checks stay strict while waiting: a changed, unknown or revoked key ends the wait, it is never retried.
 */
final class RebootWait {
    private static final Logger LOG = LoggerFactory.getLogger(RebootWait.class);
    static final Duration POLL = Duration.ofSeconds(1);
    /** A poll of the old connection that takes longer than this counts as "stopped answering". */
    static final Duration POLL_LIMIT = Duration.ofSeconds(5);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    static final Duration STILL_WAITING_EVERY = Duration.ofSeconds(30);

    /** How a wait ended. */
    enum End { DONE, TIMED_OUT, CANCELLED }

    /** Thrown when the wait cannot go on: the host key changed, or the reboot command reported a failure. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final ProcedureContext ctx;
    private final Instant deadline;
    private final RebootTimer timer;

    RebootWait(ProcedureContext ctx, Instant deadline, RebootTimer timer) {
        this.ctx = ctx;
        this.deadline = deadline;
        this.timer = timer;
    }

    /** Polls the current connection until it drops or stops answering. */
    End untilDropped() throws Refused {
        while (true) {
            SshConnection connection = ctx.connection();
            if (connection == null || !connection.isOpen()) {
                return End.DONE;
            }
            try (RebootTimer.Limited poll = timer.limit(ctx.cancellation(), POLL_LIMIT)) {
                RebootState state = RebootState.read(connection, poll.token());
                if (state.failure() != null) {
                    throw new Refused("the reboot command failed: " + state.failure());
                }
                if (!state.pending()) {
                    return End.DONE; // /run was emptied: it rebooted between two polls
                }
            } catch (CommandCancelledException e) {
                if (ctx.cancellation().isCancelled()) {
                    return End.CANCELLED;
                }
                return End.DONE; // stopped answering
            } catch (SshException | ProbeException e) {
                LOG.debug("{}: connection gone while waiting for the reboot: {}", ctx.server(), e.getMessage());
                return End.DONE;
            }
            if (Instant.now().isAfter(deadline)) {
                return End.TIMED_OUT;
            }
            if (RebootTimer.pause(ctx.cancellation(), POLL)) {
                return End.CANCELLED;
            }
        }
    }

    /** Reconnects with backoff until SSH answers (then {@link #ctx}'s connection is the new one) or the deadline. */
    End untilConnected() throws Refused {
        Duration backoff = FIRST_BACKOFF;
        String lastReason = null;
        Instant lastNote = Instant.now();
        while (true) {
            if (ctx.cancellation().isCancelled()) {
                return End.CANCELLED;
            }
            try {
                ctx.reconnect();
                return End.DONE;
            } catch (HostKeyChangedException e) {
                throw new Refused("host key changed across the reboot: " + e.getMessage());
            } catch (HostKeyUnknownException | HostKeyRevokedException e) {
                throw new Refused("host key not trusted after the reboot: " + e.getMessage());
            } catch (SshException e) {
                String reason = reason(e);
                if (!reason.equals(lastReason)) {
                    ctx.line(OutputListener.Stream.STDOUT, "waiting for boot (" + reason + ", retrying)");
                    lastReason = reason;
                    lastNote = Instant.now();
                } else if (Duration.between(lastNote, Instant.now()).compareTo(STILL_WAITING_EVERY) >= 0) {
                    ctx.line(OutputListener.Stream.STDOUT, "still waiting for boot (" + reason + ")");
                    lastNote = Instant.now();
                }
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return End.TIMED_OUT;
            }
            if (RebootTimer.pause(ctx.cancellation(), backoff.compareTo(left) < 0 ? backoff : left)) {
                return End.CANCELLED;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** A short reason for the log: "connection refused", "timed out", else the exception's own words. */
    static String reason(SshException e) {
        String text = String.valueOf(e.getMessage());
        Throwable cause = e.getCause();
        String all = (text + " " + (cause == null ? "" : cause)).toLowerCase(Locale.ROOT);
        if (all.contains("refused")) {
            return "connection refused";
        }
        if (all.contains("timed out") || all.contains("timeout")) {
            return "timed out";
        }
        if (all.contains("reset")) {
            return "connection reset";
        }
        String prefix = e.server() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }
}
