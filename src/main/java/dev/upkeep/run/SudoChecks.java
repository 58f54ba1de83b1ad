package dev.upkeep.run;

import dev.upkeep.remote.SudoCheck;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.SshException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Before the first server of a run starts: asks each {@code sudo: true} server whether its sudo wants a password
 * ({@link SudoCheck}, a few at a time), then asks the person once for the servers that do, naming them. A pre-flight
 * and its run share the session, so the run asks nothing the pre-flight already knows. A server that cannot be
 * checked now is asked for later, if its sudo asks when it runs.
 */
final class SudoChecks {
    private static final Logger log = LoggerFactory.getLogger(SudoChecks.class);

    /** How a server is checked; tests replace the SSH round trip. */
    @FunctionalInterface
    interface Probe {
        SudoCheck check(ServerPlan server, Cancellation cancel) throws SshException;
    }

    static Probe overSsh(Connections connections) {
        return (server, cancel) -> SudoCheck.run(connections.get(server), cancel);
    }

    private final SudoSession session;
    private final Probe probe;

    SudoChecks(SudoSession session, Probe probe) {
        this.session = session;
        this.probe = probe;
    }

    void run(RunPlan plan, ExecutorService executor, ActiveRun run, Cancellation cancel) throws InterruptedException {
        List<ServerPlan> sudo = plan.servers().stream().filter(ServerPlan::sudo).toList();
        Semaphore slots = new Semaphore(Math.max(1, plan.options().workers()));
        List<Future<?>> pending = new ArrayList<>();
        for (ServerPlan server : sudo) {
            if (session.check(server.ref()) != null) {
                continue;
            }
            slots.acquire();
            pending.add(executor.submit(() -> {
                try {
                    check(server, run, cancel);
                } finally {
                    slots.release();
                }
            }));
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                log.warn("sudo check failed: {}", e.getCause().toString());
            }
        }
        if (cancel.isCancelled()) {
            return;
        }
        List<String> asking = new ArrayList<>();
        for (ServerPlan server : sudo) {
            SudoCheck check = session.check(server.ref());
            if (check != null && check.need() == SudoCheck.Need.PASSWORD) {
                asking.add(session.account(server));
            }
        }
        session.askFor(asking);
    }

    private void check(ServerPlan server, ActiveRun run, Cancellation cancel) {
        if (cancel.isCancelled()) {
            return;
        }
        String said;
        try {
            SudoCheck check = probe.check(server, cancel);
            session.remember(server.ref(), check);
            said = switch (check.need()) {
                case NO_PASSWORD -> "sudo runs without a password here";
                case PASSWORD -> "sudo asks " + session.account(server) + " for a password here";
                case UNKNOWN -> "sudo -n true failed here: " + check.detail();
            };
        } catch (SshException e) {
            said = "could not check sudo now (" + e.getMessage() + ")";
        }
        run.emit(new RunEvent.Output(server.ref(), RunEvent.Stream.STDOUT, "upkeep: " + said, Instant.now()));
    }
}
