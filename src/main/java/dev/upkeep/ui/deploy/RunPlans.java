package dev.upkeep.ui.deploy;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunPlanner;
import dev.upkeep.run.ServerRef;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the window turns a choice into plans: the core's {@link RunPlanner} in the application, plans of stand-in
 * procedures in the demo and in tests. Both throw IllegalArgumentException for input that must not run.
 */
public interface RunPlans {
    RunPlan plan(Workspace ws, List<ServerRef> servers, RunOptions options);

    /** The pre-flight (apt simulation) of the same choice. */
    RunPlan preflight(Workspace ws, List<ServerRef> servers, RunOptions options);

    /**
     * Restarting the services a person confirmed on each server (the window's Restart services…). Plans that cannot
     * restart services (the demo's stand-ins) refuse.
     */
    default RunPlan restartServices(Workspace ws, Map<ServerRef, Set<String>> confirmed, RunOptions options) {
        throw new IllegalArgumentException("restarting services is not available here");
    }

    static RunPlans of(RunPlanner planner) {
        return new RunPlans() {
            @Override
            public RunPlan restartServices(Workspace ws, Map<ServerRef, Set<String>> confirmed, RunOptions options) {
                return planner.restartServices(ws, confirmed, options);
            }

            @Override
            public RunPlan plan(Workspace ws, List<ServerRef> servers, RunOptions options) {
                return planner.plan(ws, servers, options);
            }

            @Override
            public RunPlan preflight(Workspace ws, List<ServerRef> servers, RunOptions options) {
                return planner.preflight(ws, servers, options);
            }
        };
    }
}
