package dev.upkeep.remote;

import dev.upkeep.fleet.RebootPolicy;
import dev.upkeep.ssh.CommandCancelledException;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs an application's health check against a server that is back from its reboot, retrying until the check's
 * timeout: services are often still starting when SSH already answers.
 */
final class HealthCheckRunner {
    static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private HealthCheckRunner() {
    }

    /** Passed, or failed with the last attempt's reason ("exit 3: nginx is not running", "answered 503"). */
    record Outcome(boolean passed, String detail) {
    }

    /** One attempt; {@code limit} is what is left of the check's timeout. */
    @FunctionalInterface
    interface Attempt {
        Outcome attempt(Duration limit) throws SshException;
    }

    /** @param host what {@code {host}} in a URL stands for (the server's host), or null */
    static Outcome run(RebootTimer timer, ProcedureContext ctx, RebootPolicy.HealthCheck check, String host)
            throws SshException {
        Attempt attempt = check.command() != null
                ? limit -> command(timer, ctx, check.command(), limit)
                : new HealthCheckHttp(check, host)::attempt;
        return retry(ctx, check, attempt);
    }

    static Outcome retry(ProcedureContext ctx, RebootPolicy.HealthCheck check, Attempt attempt) throws SshException {
        Instant deadline = Instant.now().plusSeconds(check.timeoutSeconds());
        int attempts = 0;
        while (true) {
            attempts++;
            Duration left = Duration.between(Instant.now(), deadline);
            Outcome outcome = attempt.attempt(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
            if (outcome.passed()) {
                return outcome;
            }
            left = Duration.between(Instant.now(), deadline);
            if (left.compareTo(RETRY_PAUSE) < 0) {
                return new Outcome(false, outcome.detail() + " (" + attempts + (attempts == 1 ? " attempt" : " attempts")
                        + " in " + check.timeoutSeconds() + " s)");
            }
            ctx.line(OutputListener.Stream.STDOUT, "health check not passed yet (" + outcome.detail() + "), retrying");
            if (RebootTimer.pause(ctx.cancellation(), RETRY_PAUSE)) {
                throw new CommandCancelledException(ctx.server(), "health check");
            }
        }
    }

    private static Outcome command(RebootTimer timer, ProcedureContext ctx, String command, Duration limit)
            throws SshException {
        RebootShell.Outcome o = RebootShell.run(timer, ctx, command, limit);
        return new Outcome(o.succeeded(), o.succeeded() ? "exit 0" : o.describe());
    }
}
