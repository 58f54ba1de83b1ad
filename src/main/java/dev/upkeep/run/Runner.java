package dev.upkeep.run;

import dev.upkeep.base.Threads;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Executes run plans: at most {@code options.workers()} servers at once, each through its procedures in order.
 * A failed or unreachable server never stops the others, unless {@code maxFailures} is reached: then no new
 * server starts. Before the first server starts, {@code sudo: true} servers are asked whether sudo wants a
 * password, and the person is asked once when any does ({@link SudoSession}, shared by the runs of this runner).
 */
public final class Runner implements AutoCloseable {
    private final Connections connections;
    private final SudoSession sudo;
    private final SudoChecks.Probe probe;
    private final ExecutorService workers = Executors.newCachedThreadPool(Threads.named("upkeep-run"));

    /** The caller owns {@code sudo} and closes it (wiping the password) when its runs are over. */
    public Runner(Connections connections, SudoSession sudo) {
        this(connections, sudo, SudoChecks.overSsh(connections));
    }

    Runner(Connections connections, SudoSession sudo, SudoChecks.Probe probe) {
        this.connections = connections;
        this.sudo = sudo;
        this.probe = probe;
    }

    /** Starts the run and returns at once; the sudo check (and prompt) happen on the run's own threads. */
    public RunHandle start(RunPlan plan, List<RunListener> listeners) {
        ActiveRun run = new ActiveRun(plan, connections, sudo, new SudoChecks(sudo, probe), listeners);
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
