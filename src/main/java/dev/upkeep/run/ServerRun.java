package dev.upkeep.run;

import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.ProcedureResult;
import dev.upkeep.remote.RebootAndVerify;
import dev.upkeep.remote.RebootCancelledException;
import dev.upkeep.remote.Step;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.ConnectionLostException;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One server's part of a run: connect, its procedures in order (a reboot waits for its application's gate), the result. */
final class ServerRun {
    private static final Logger log = LoggerFactory.getLogger(ServerRun.class);

    private final ActiveRun run;
    private final ServerPlan server;
    private final Connections connections;
    private final SudoSession sudo;
    private final List<String> upgraded = new ArrayList<>();
    private final Set<String> rebootPackages = new LinkedHashSet<>();
    private final List<String> messages = new ArrayList<>();
    private boolean reboot;

    ServerRun(ActiveRun run, ServerPlan server, Connections connections, SudoSession sudo) {
        this.run = run;
        this.server = server;
        this.connections = connections;
        this.sudo = sudo;
    }

    ServerResult run() {
        Cancellation token = new Cancellation();
        run.track(token, true);
        if (run.cancelled()) token.cancel();
        Instant start = Instant.now();
        ServerContext ctx = new ServerContext(server, connections, sudo, token, run);
        Step outcome = Step.DONE;
        try {
            ctx.step(Step.CONNECTING, null);
            ctx.connect();
            for (Procedure procedure : server.procedures()) {
                if (token.isCancelled()) break;
                ctx.line(OutputListener.Stream.STDOUT, "upkeep: " + procedure.name());
                ProcedureResult r = downtime(procedure) ? gated(ctx, procedure) : procedure.run(ctx);
                if (r == null) break; // cancelled while waiting for its turn to reboot
                upgraded.addAll(r.upgraded());
                rebootPackages.addAll(r.rebootPackages());
                // The last word on reboot-required is the last procedure's: a verified reboot clears it.
                reboot = downtime(procedure) ? r.rebootRequired() : reboot | r.rebootRequired();
                if (r.message() != null) messages.add(procedure.name() + ": " + r.message());
                if (!r.success()) {
                    outcome = Step.FAILED;
                    break;
                }
            }
        } catch (RebootCancelledException e) {
            reboot = true; // unknown: it went down and was not seen coming back
            messages.add(e.getMessage());
        } catch (SshException e) {
            if (e instanceof ConnectionLostException) connections.evict(server);
            outcome = Step.FAILED;
            messages.add(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            token.cancel();
        } catch (RuntimeException e) {
            log.error("{} failed in run {}", server.ref(), run.plan().id(), e);
            outcome = Step.FAILED;
            messages.add("internal error: " + e);
        } finally {
            run.track(token, false);
        }
        if (token.isCancelled()) {
            outcome = Step.CANCELLED;
            if (messages.isEmpty()) messages.add("cancelled");
        }
        String message = String.join("; ", messages);
        ctx.step(outcome, message);
        return new ServerResult(server.ref(), outcome, message, start, Duration.between(start, Instant.now()),
                upgraded, reboot, List.copyOf(rebootPackages));
    }

    private static boolean downtime(Procedure p) {
        return p instanceof RebootAndVerify || p instanceof TakesServerDown;
    }

    /** Runs a reboot once the keep-one-up rule lets this server go down; null when cancelled while waiting. */
    private ProcedureResult gated(ServerContext ctx, Procedure reboot) throws SshException, InterruptedException {
        RebootGate gate = run.gate(server.ref().application());
        if (gate == null) return reboot.run(ctx);
        if (!gate.free()) {
            ctx.line(OutputListener.Stream.STDOUT, "upkeep: waiting: other servers of " + server.ref().application()
                    + " are rebooting (at least one of its servers stays up)");
        }
        if (!gate.acquire(ctx.cancellation())) return null;
        try {
            return reboot.run(ctx);
        } finally {
            gate.release();
        }
    }
}
