package dev.upkeep.run;

import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.ProcedureResult;
import dev.upkeep.remote.RebootAndVerify;
import dev.upkeep.remote.RebootCancelledException;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandCancelledException;
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
import java.util.stream.Collectors;

/**
 * One server's part of a run: connect, its procedures in order (a reboot waits for its application's gate), the
 * result. A cancel lets the running procedure reach its safe point and starts no further one; a server whose
 * procedures all finished is DONE even when the run was cancelled meanwhile (a reboot already issued is verified).
 */
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
        Cancellation stop = new Cancellation();
        Cancellation abort = new Cancellation();
        abort.onCancel(stop::cancel);
        RunningServers.Tokens tokens = run.track(stop, abort);
        Instant start = Instant.now();
        ServerContext ctx = new ServerContext(server, connections, sudo, stop, abort, run);
        RunStep outcome = RunStep.DONE;
        String skipped = null;
        try {
            ctx.step(RunStep.CONNECTING, null);
            ctx.connect();
            for (Procedure procedure : server.procedures()) {
                if (stop.isCancelled()) {
                    skipped = procedure.name();
                    break;
                }
                ctx.line(OutputListener.Stream.STDOUT, "upkeep: " + procedure.name());
                ProcedureResult r = downtime(procedure) ? gated(ctx, procedure) : procedure.run(ctx);
                if (r == null) { // cancelled while waiting for its turn to reboot
                    skipped = procedure.name();
                    break;
                }
                upgraded.addAll(r.upgraded());
                rebootPackages.addAll(r.rebootPackages());
                // The last word on reboot-required is the last procedure's: a verified reboot clears it.
                reboot = downtime(procedure) ? r.rebootRequired() : reboot | r.rebootRequired();
                if (r.message() != null) {
                    messages.add(procedure.name() + ": " + r.message());
                }
                if (r.cancelled()) {
                    outcome = RunStep.CANCELLED;
                    break;
                }
                if (!r.success()) {
                    outcome = RunStep.FAILED;
                    break;
                }
            }
        } catch (RebootCancelledException e) {
            outcome = RunStep.UNVERIFIED;
            reboot = true; // unknown: it went down and was not seen coming back
            messages.add(e.getMessage());
        } catch (CommandCancelledException e) {
            outcome = RunStep.CANCELLED;
            messages.add(e.getMessage());
        } catch (SshException e) {
            if (e instanceof ConnectionLostException) {
                connections.evict(server);
            }
            outcome = RunStep.FAILED;
            messages.add(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = RunStep.CANCELLED;
        } catch (RuntimeException e) {
            log.error("{} failed in run {}", server.ref(), run.plan().id(), e);
            outcome = RunStep.FAILED;
            messages.add("internal error: " + e);
        } finally {
            run.untrack(tokens);
        }
        if (outcome == RunStep.DONE && skipped != null) {
            outcome = RunStep.CANCELLED;
            messages.add("cancelled before " + skipped);
        }
        if (outcome == RunStep.CANCELLED && messages.isEmpty()) {
            messages.add("cancelled");
        }
        String message = String.join("; ", messages);
        ctx.step(outcome, message);
        return new ServerResult(server.ref(), outcome, message, start, Duration.between(start, Instant.now()),
                upgraded, reboot, List.copyOf(rebootPackages));
    }

    private static boolean downtime(Procedure p) {
        return p instanceof RebootAndVerify || p instanceof TakesServerDown;
    }

    /**
     * Runs a reboot once the keep-one-up rule lets this server go down; null when cancelled while waiting. A reboot
     * that fails after the server went down (or whose end is unknown) keeps its application's slot.
     */
    private ProcedureResult gated(ServerContext ctx, Procedure reboot) throws SshException, InterruptedException {
        String app = server.ref().application();
        RebootGate gate = run.gate(app);
        if (gate == null) {
            return reboot.run(ctx);
        }
        if (!gate.free()) {
            ctx.line(OutputListener.Stream.STDOUT, "upkeep: waiting: other servers of " + app
                    + " are rebooting or failed their reboot (at least one of its servers stays up)");
        }
        switch (gate.acquire(ctx.stopRequest())) {
            case CANCELLED:
                return null;
            case REFUSED:
                String failed = gate.down().stream().map(ServerRef::toString).collect(Collectors.joining(", "));
                return ProcedureResult.failed("not rebooted (keep one up): " + failed + " failed its reboot and counts"
                        + " as down, so rebooting " + server.ref() + " could leave " + app + " with no server up");
            default:
                break;
        }
        boolean down = true; // until the reboot says otherwise: an exception leaves its state unknown
        try {
            ProcedureResult r = reboot.run(ctx);
            down = r.serverDown();
            return r;
        } catch (CommandCancelledException e) {
            down = e instanceof RebootCancelledException;
            throw e;
        } finally {
            if (down) {
                gate.keepDown(server.ref());
                ctx.line(OutputListener.Stream.STDOUT, "upkeep: keep one up: " + server.ref()
                        + " counts as down for the rest of this run; no other server of " + app + " takes its place");
            } else {
                gate.release();
            }
        }
    }
}
