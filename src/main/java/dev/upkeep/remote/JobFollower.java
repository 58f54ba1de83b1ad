package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandCancelledException;
import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts a {@link DetachedJob} and follows its log until it ends, like the security upgrade's follower: a dropped
 * connection is retried (with a growing pause) and the follow resumes at the last line seen. A cancel asks the job to
 * stop at its next safe point and keeps following until it does; stopping to wait ends following at once (the job
 * goes on). Past the job's time limit (plus a grace for its last safe point) Upkeep asks it to stop and stops following.
 */
final class JobFollower {
    /** How long a dropped connection is retried before the run gives up following (the job goes on regardless). */
    static final Duration RECONNECT_WINDOW = Duration.ofMinutes(3);
    /** After its time limit the job needs a moment to reach a safe point and say so. */
    static final Duration GRACE = Duration.ofSeconds(5);

    /** How following ended. */
    enum End { EXITED, LOST, STOPPED_FOLLOWING, OVER_TIME, NOT_STARTED }

    /** The job's markers and how it ended; {@code exitStatus} is set when it EXITED. */
    record Ending(End end, Integer exitStatus, DockerWeaveScript.Output output, String detail) {
    }

    private final ProcedureContext ctx;
    private final DetachedJob job;
    private final Duration reconnectWindow;
    private final List<Map.Entry<String, String>> markers = JobOutput.newMarkers();
    private boolean cancelAsked;
    private boolean cancelSent;

    JobFollower(ProcedureContext ctx, DetachedJob job, Duration reconnectWindow) {
        this.ctx = ctx;
        this.job = job;
        this.reconnectWindow = reconnectWindow;
    }

    Ending run() throws SshException {
        JobOutput start = new JobOutput(ctx, false, 0, markers);
        CommandResult started = Privileged.run(ctx, job.start(), start);
        if (!started.succeeded() || !start.attached()) {
            return ending(End.NOT_STARTED, null, "could not start the " + job.kind() + " job (exit " + started.exitStatus() + ")"
                    + (ctx.sudo() && ctx.sudoPassword() == null ? " — does sudo need a password here?" : ""));
        }
        long deadline = System.nanoTime() + job.limit().plus(GRACE).toNanos();
        long seen = 0;
        FollowReconnect lost = new FollowReconnect(ctx, reconnectWindow, ctx.cancellation());
        while (true) {
            if (cancelAsked && !cancelSent) {
                sendCancel();
            }
            JobOutput out = new JobOutput(ctx, true, seen, markers);
            Cancellation follow = new Cancellation();
            try (var abort = ctx.cancellation().onCancel(follow::cancel);
                 var stop = cancelAsked ? (Cancellation.Registration) () -> { } : ctx.stopRequest().onCancel(follow::cancel)) {
                long left = deadline - System.nanoTime();
                CompletableFuture.runAsync(follow::cancel, CompletableFuture.delayedExecutor(Math.max(0, left), TimeUnit.NANOSECONDS));
                if (ctx.connection() == null) {
                    ctx.reconnect(); // the last reconnect failed: no connection to use
                }
                Privileged.run(ctx, job.follow(seen), out, follow);
                seen = out.linesSeen();
                if (out.exitStatus() != null) {
                    return ending(End.EXITED, out.exitStatus(), null);
                }
                if (out.lost()) {
                    return ending(End.LOST, null, "the " + job.kind() + " job ended without an exit status"
                        + " (killed, or the server rebooted); check dpkg with 'dpkg --audit' and the log " + job.log());
                }
                return ending(End.LOST, null, "following the " + job.kind() + " job stopped early; log " + job.log());
            } catch (CommandCancelledException e) {
                seen = out.linesSeen();
                if (ctx.cancellation().isCancelled()) {
                    return stoppedFollowing();
                }
                if (System.nanoTime() >= deadline) {
                    return overTime();
                }
                cancelAsked = true; // a cancel: ask the job to stop at its next safe point, and go on following
            } catch (SshException e) {
                seen = out.linesSeen();
                if (ctx.cancellation().isCancelled()) {
                    return stoppedFollowing();
                }
                if (System.nanoTime() >= deadline) {
                    return overTime();
                }
                if (ctx.stopRequest().isCancelled()) {
                    cancelAsked = true;
                }
                if (lost.lostTooLong()) {
                    return ending(End.LOST, null, lost.givingUp(e) + "; the " + job.kind() + " job goes on on the server"
                            + " (log " + job.log() + ")");
                }
                narrate("connection lost (" + e.getMessage() + "); the " + job.kind() + " job goes on on the server;"
                        + " reconnecting to follow it from line " + (seen + 1));
                lost.pauseThenReconnect();
            }
        }
    }

    /** Writes the cancel request; a dropped connection is retried with the next follow. */
    private void sendCancel() {
        try {
            if (ctx.connection() == null) {
                ctx.reconnect();
            }
            Privileged.run(ctx, job.cancel(), ctx::line, Cancellation.none());
            cancelSent = true;
        } catch (SshException e) {
            narrate("could not ask the " + job.kind() + " job to stop yet (" + e.getMessage() + "); trying again");
        }
    }

    private Ending stoppedFollowing() {
        return ending(End.STOPPED_FOLLOWING, null, "cancelled: stopped following; the " + job.kind() + " job goes on on the"
                + " server and stops at its next safe point if it was asked to (log " + job.log() + ")");
    }

    private Ending overTime() {
        if (!cancelSent) {
            sendCancel();
        }
        return ending(End.OVER_TIME, null, "the " + job.kind() + " job did not end within its time limit of "
                + job.limit().toSeconds() + " s: it was asked to stop at its next safe point and was not killed (dpkg is"
                + " never cut off); it goes on on the server (log " + job.log() + ")");
    }

    private Ending ending(End end, Integer exit, String detail) {
        synchronized (markers) {
            return new Ending(end, exit, new DockerWeaveScript.Output(exit == null ? -1 : exit, List.copyOf(markers)), detail);
        }
    }

    private void narrate(String text) {
        ctx.line(OutputListener.Stream.STDOUT, "upkeep: " + text);
    }
}
