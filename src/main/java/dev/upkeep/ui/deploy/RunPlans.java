package dev.upkeep.ui.deploy;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunPlanner;
import dev.upkeep.run.ServerRef;

import java.util.List;

/**
 * How the window turns a choice into plans: the core's {@link RunPlanner} in the application, plans of stand-in
 * procedures in the demo and in tests. Both throw IllegalArgumentException for input that must not run.
 */
public interface RunPlans {
    RunPlan plan(Workspace ws, List<ServerRef> servers, RunOptions options);

    /** The pre-flight (apt simulation) of the same choice. */
    RunPlan preflight(Workspace ws, List<ServerRef> servers, RunOptions options);

    static RunPlans of(RunPlanner planner) {
        return new RunPlans() {
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
