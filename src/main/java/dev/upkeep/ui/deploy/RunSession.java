package dev.upkeep.ui.deploy;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.Connections;
import dev.upkeep.run.RunHandle;
import dev.upkeep.run.RunListener;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.Runner;
import dev.upkeep.run.SecretPrompt;
import dev.upkeep.run.SudoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * One deploy's runner and connections, from its pre-flight to the end of its run (so both use the same SSH
 * connections and the same sudo answer). Its methods block (connections, the sudo prompt): call them off the FX thread.
 */
public final class RunSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunSession.class);

    private final Connections connections;
    private final SudoSession sudo;
    private final Runner runner;

    RunSession(RunServices services, Workspace ws, SecretPrompt prompt) {
        this.connections = services.connections().apply(ws);
        this.sudo = new SudoSession(prompt);
        this.runner = new Runner(connections, sudo);
    }

    /** Runs a pre-flight plan to its end and returns its summary. */
    RunSummary simulate(RunPlan simulation) throws InterruptedException, ExecutionException {
        return runner.start(simulation, List.of()).completion().get();
    }

    RunHandle start(RunPlan plan, List<RunListener> listeners) {
        return runner.start(plan, listeners);
    }

    @Override
    public void close() {
        sudo.close();
        runner.close();
        if (connections instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("Closing a run's connections failed: {}", e.toString());
            }
        }
    }
}
