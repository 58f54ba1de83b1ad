package dev.upkeep.remote;

import dev.upkeep.fleet.RebootPolicy;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandCancelledException;
import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.ConnectionLostException;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reboots one server and proves it came back: boot id and reboot-required read at that moment → drain → reboot
 * (privileged, detached) → the connection drops → reconnect with backoff (host keys strict) → a different boot id →
 * post-reboot delay → health check → reboot-required gone → undrain. Each step is logged with why.
 *
 * <p>Drain, undrain and a health check command run as the login user, not as root: they usually talk to a load
 * balancer or a local service, and a command that needs root says {@code sudo} itself. A failed health check leaves
 * the server drained (it should not get traffic). A cancel ({@link ProcedureContext#stopRequest()}) before the reboot
 * undrains and stops; once the reboot is issued the server is still waited for, checked and undrained. Stopping to
 * wait ({@link ProcedureContext#cancellation()}) after the reboot throws {@link RebootCancelledException} saying so.
 * Every failure after the reboot was issued is {@link ProcedureResult#serverDown()}: the run counts the server as down.
 */
public final class RebootAndVerify implements Procedure {
    private static final Logger LOG = LoggerFactory.getLogger(RebootAndVerify.class);

    private final boolean onlyIfRequired;
    private final RebootPolicy policy;
    private final String host;

    /** @param host the server's host, for {@code {host}} in a health check URL (may be null when unused) */
    public RebootAndVerify(boolean onlyIfRequired, RebootPolicy policy, String host) {
        this.onlyIfRequired = onlyIfRequired;
        this.policy = policy == null ? RebootPolicy.DEFAULTS : policy;
        this.host = host;
    }

    public RebootAndVerify(boolean onlyIfRequired, RebootPolicy policy) {
        this(onlyIfRequired, policy, null);
    }

    @Override
    public String name() {
        return onlyIfRequired ? "reboot if required" : "reboot";
    }

    @Override
    public ProcedureResult run(ProcedureContext ctx) throws SshException {
        // The timer's thread lives as long as this server's reboot, not as long as the program.
        try (RebootTimer timer = new RebootTimer()) {
            return reboot(ctx, timer);
        } catch (ProbeException e) {
            say(ctx, e.getMessage());
            return ProcedureResult.failed("could not read the server's boot state: " + e.getMessage());
        }
    }

    private ProcedureResult reboot(ProcedureContext ctx, RebootTimer timer) throws SshException {
        RebootState before = RebootState.read(ctx.connection(), ctx.cancellation());
        if (!before.rebootRequired()) {
            if (onlyIfRequired) {
                say(ctx, "not rebooting: no reboot required (no /var/run/reboot-required)");
                return new ProcedureResult(true, "no reboot needed (no /var/run/reboot-required)", List.of(), false, List.of());
            }
            say(ctx, "rebooting although no reboot is required (asked to reboot unconditionally)");
        } else {
            say(ctx, "reboot required by: " + before.packageList());
        }
        checkCancelled(ctx, "before rebooting");

        boolean drained = false;
        if (policy.drain() != null) {
            ctx.step(Step.DRAINING, policy.drain());
            say(ctx, "draining: " + policy.drain());
            RebootShell.Outcome drain;
            try {
                drain = RebootShell.run(timer, ctx, policy.drain(), Duration.ofSeconds(policy.timeoutSeconds()));
            } catch (CommandCancelledException e) {
                undrainQuietly(ctx, true, timer); // a drain stopped halfway may have taken the server out already
                throw new CommandCancelledException(ctx.server(), "while draining, before rebooting (undrained again)");
            }
            if (!drain.succeeded()) {
                undrainQuietly(ctx, true, timer);
                return failed(before, "drain command failed (" + drain.describe() + "); not rebooted");
            }
            drained = true;
        }
        if (ctx.stopRequest().isCancelled()) {
            undrainQuietly(ctx, drained, timer);
            throw new CommandCancelledException(ctx.server(), "before rebooting" + (drained ? " (undrained again)" : ""));
        }

        ctx.step(Step.REBOOTING, "boot id " + before.bootId());
        say(ctx, "rebooting…");
        Instant issued = Instant.now();
        StringBuilder output = new StringBuilder();
        CommandResult issue;
        try {
            issue = Privileged.run(ctx, RebootState.ISSUE_SCRIPT, (stream, line) -> {
                ctx.line(stream, line);
                synchronized (output) {
                    if (output.length() < 2000) {
                        output.append(output.length() == 0 ? "" : " | ").append(line.strip());
                    }
                }
            });
        } catch (ConnectionLostException e) {
            // The reboot is issued before anything can drop the connection: it is most likely under way.
            say(ctx, "the connection dropped while issuing the reboot; waiting for the server");
            return verify(ctx, before, issued, drained, timer);
        }
        if (!issue.succeeded()) {
            undrainQuietly(ctx, drained, timer);
            return failed(before, "could not issue the reboot (exit " + issue.exitStatus() + "): " + output
                    + (ctx.sudo() ? "" : " — does this server need sudo: true?"));
        }
        return verify(ctx, before, issued, drained, timer);
    }

    private ProcedureResult verify(ProcedureContext ctx, RebootState before, Instant issued, boolean drained,
            RebootTimer timer)
            throws SshException {
        try {
            return waitAndCheck(ctx, before, issued, drained, timer);
        } catch (ProbeException e) {
            say(ctx, e.getMessage());
            return down(before, "rebooted, but its boot state could not be read afterwards: " + e.getMessage());
        }
    }

    private ProcedureResult waitAndCheck(ProcedureContext ctx, RebootState before, Instant issued, boolean drained,
            RebootTimer timer)
            throws SshException {
        Instant deadline = issued.plusSeconds(policy.timeoutSeconds());
        RebootWait wait = new RebootWait(ctx, deadline, timer);
        String drainNote = drained ? "; it stays drained" : "";
        RebootState after;
        try {
            while (true) {
                RebootWait.End dropped = wait.untilDropped();
                if (dropped == RebootWait.End.CANCELLED) {
                    throw midReboot(ctx, issued, drained);
                }
                if (dropped == RebootWait.End.TIMED_OUT) {
                    return down(before, "did not reboot within " + policy.timeoutSeconds()
                            + " s (still answering with boot id " + before.bootId() + ")" + drainNote);
                }
                ctx.step(Step.WAITING_FOR_BOOT, "down since " + seconds(issued) + " s after the reboot command");
                RebootWait.End back = wait.untilConnected();
                if (back == RebootWait.End.CANCELLED) {
                    throw midReboot(ctx, issued, drained);
                }
                if (back == RebootWait.End.TIMED_OUT) {
                    return down(before, "did not come back within " + policy.timeoutSeconds() + " s" + drainNote);
                }
                try {
                    after = RebootState.read(ctx.connection(), ctx.cancellation());
                } catch (CommandCancelledException e) {
                    throw midReboot(ctx, issued, drained);
                } catch (SshException e) {
                    // Reached the old system just as it went down, or a half-started one: wait and try again.
                    say(ctx, "connection dropped again right after connecting (" + RebootWait.reason(e) + ")");
                    if (Instant.now().isAfter(deadline)) {
                        return down(before, "did not come back within " + policy.timeoutSeconds() + " s" + drainNote);
                    }
                    if (RebootTimer.pause(ctx.cancellation(), RebootWait.POLL)) {
                        throw midReboot(ctx, issued, drained);
                    }
                    continue;
                }
                if (!after.pending() || !after.bootId().equals(before.bootId())) {
                    break;
                }
                // Reached the same running system (the connection dropped for another reason): wait again.
                say(ctx, "connected again, but the reboot has not happened yet (boot id unchanged, still pending)");
            }
        } catch (RebootWait.Refused e) {
            return down(before, e.getMessage() + drainNote);
        }
        if (after.bootId().equals(before.bootId())) {
            return down(after, "boot id unchanged: the server did not reboot (" + after.bootId() + ")" + drainNote);
        }
        say(ctx, "back after " + seconds(issued) + " s, boot id changed");
        if (ctx.cancellation().isCancelled()) {
            throw unhealthy(ctx, issued, drained);
        }

        if (policy.postRebootDelaySeconds() > 0) {
            say(ctx, "waiting " + policy.postRebootDelaySeconds() + " s before the health check");
            if (RebootTimer.pause(ctx.cancellation(), Duration.ofSeconds(policy.postRebootDelaySeconds()))) {
                throw unhealthy(ctx, issued, drained);
            }
        }
        String health = "";
        if (policy.healthCheck() != null) {
            ctx.step(Step.HEALTH_CHECK, policy.healthCheck().describe());
            say(ctx, "health check: " + policy.healthCheck().describe());
            HealthCheckRunner.Outcome outcome = HealthCheckRunner.run(timer, ctx, policy.healthCheck(), host);
            if (!outcome.passed()) {
                say(ctx, "health check failed: " + outcome.detail());
                return down(after, "rebooted, but the health check failed: " + outcome.detail() + drainNote);
            }
            say(ctx, "health check passed (" + outcome.detail() + ")");
            health = ", health check passed";
        }

        RebootState now = RebootState.read(ctx.connection(), ctx.cancellation());
        String still = "";
        if (now.rebootRequired()) {
            still = "; a reboot is still required (" + now.packageList() + ")";
            say(ctx, "warning: /var/run/reboot-required is still there after the reboot (" + now.packageList() + ")");
        }
        if (policy.undrain() != null) {
            ctx.step(Step.UNDRAINING, policy.undrain());
            say(ctx, "undraining: " + policy.undrain());
            RebootShell.Outcome undrain = RebootShell.run(timer, ctx, policy.undrain(), Duration.ofSeconds(policy.timeoutSeconds()));
            if (!undrain.succeeded()) {
                return down(now, "rebooted" + health + ", but the undrain command failed (" + undrain.describe() + ")");
            }
        }
        String message = "rebooted: back after " + seconds(issued) + " s, boot id changed" + health + still;
        say(ctx, message);
        return new ProcedureResult(true, message, List.of(), now.rebootRequired(), now.packages());
    }

    /** Stopped waiting after the server came back, before its health was checked: as unverified as mid-reboot. */
    private RebootCancelledException unhealthy(ProcedureContext ctx, Instant issued, boolean drained) {
        String what = "mid-reboot: back after " + seconds(issued) + " s with a new boot id, but its health check did not run"
                + (drained ? " (the server was drained and not undrained)" : "");
        say(ctx, "cancelled " + what);
        return new RebootCancelledException(ctx.server(), what);
    }

    private RebootCancelledException midReboot(ProcedureContext ctx, Instant issued, boolean drained) {
        String what = "mid-reboot: the reboot was issued " + seconds(issued) + " s ago and its return was not verified"
                + (drained ? " (the server was drained and not undrained)" : "");
        say(ctx, "cancelled " + what);
        return new RebootCancelledException(ctx.server(), what);
    }

    /** Before the reboot is issued a cancel stops it (after, only stopping to wait does). */
    private void checkCancelled(ProcedureContext ctx, String when) throws CommandCancelledException {
        if (ctx.stopRequest().isCancelled()) {
            throw new CommandCancelledException(ctx.server(), "reboot, " + when);
        }
    }

    private void undrainQuietly(ProcedureContext ctx, boolean drained, RebootTimer timer) {
        if (!drained || policy.undrain() == null) {
            return;
        }
        try {
            say(ctx, "undraining (not rebooted): " + policy.undrain());
            // Runs even when the run was cancelled: a server left out of the load balancer is worse than a late stop.
            RebootShell.Outcome o = RebootShell.run(timer, ctx, policy.undrain(), Duration.ofSeconds(policy.timeoutSeconds()),
                    Cancellation.none());
            if (!o.succeeded()) {
                say(ctx, "undrain command failed (" + o.describe() + ")");
            }
        } catch (SshException e) {
            say(ctx, "undrain command could not run: " + e.getMessage());
        }
    }

    /** Failed before the reboot was issued: the server never went down. */
    private static ProcedureResult failed(RebootState state, String message) {
        return new ProcedureResult(false, message, List.of(), state.rebootRequired(), state.packages());
    }

    /** Failed after the reboot was issued: not known to be back and serving, so it counts as down (keep one up). */
    private static ProcedureResult down(RebootState state, String message) {
        return new ProcedureResult(false, message, List.of(), state.rebootRequired(), state.packages(), false, true);
    }

    private static long seconds(Instant since) {
        return Duration.between(since, Instant.now()).toSeconds();
    }

    private static void say(ProcedureContext ctx, String line) {
        LOG.debug("{}: {}", ctx.server(), line);
        ctx.line(OutputListener.Stream.STDOUT, line);
    }
}
