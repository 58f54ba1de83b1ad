package dev.upkeep.run;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Executes run plans: at most {@code options.workers()} servers at once, each through its procedures in order.
 * A failed or unreachable server never stops the others, unless {@code maxFailures} is reached: then no new
 * server starts. The sudo password (when a server needs one) is asked once per run, before it starts.
 */
public final class Runner implements AutoCloseable {
    private final Connections connections;
    private final SudoPasswords sudoPasswords;
    private final ExecutorService workers = Executors.newCachedThreadPool(Threads.named("upkeep-run"));

    public Runner(Connections connections, SudoPasswords sudoPasswords) {
        this.connections = connections;
        this.sudoPasswords = sudoPasswords;
    }

    public RunHandle start(RunPlan plan, List<RunListener> listeners) {
        char[] password = plan.needsSudo() ? sudoPasswords.password(plan) : null;
        ActiveRun run = new ActiveRun(plan, connections, password, listeners);
        run.start(workers);
        return run;
    }

    public RunHandle start(RunPlan plan, RunListener... listeners) {
        return start(plan, List.of(listeners));
    }

    /** Stops the worker threads; runs still going are cut off (use {@link RunHandle#cancel()} first). */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
