package dev.upkeep.ui.deploy;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.Connections;
import dev.upkeep.run.ManifestUpgradeHooks;
import dev.upkeep.run.RunHistory;
import dev.upkeep.run.RunPlanner;

import java.util.Objects;
import java.util.function.Function;

/**
 * What the window needs to run deploys: plans, connections for a workspace (one set per run, closed when the run
 * ends when they are {@link AutoCloseable}), and the history folder every run is recorded in.
 */
public record RunServices(RunPlans plans, Function<Workspace, Connections> connections, RunHistory history) {
    public RunServices {
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(history, "history");
    }

    /** The real thing: the core planner with Docker and Weave read from each application's manifest. */
    public static RunServices standard(Function<Workspace, Connections> connections, RunHistory history) {
        return new RunServices(RunPlans.of(new RunPlanner(ManifestUpgradeHooks.create())), connections, history);
    }
}
