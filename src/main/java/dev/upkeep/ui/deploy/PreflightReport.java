package dev.upkeep.ui.deploy;

import dev.upkeep.run.RolloutText;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.ServerPlan;
import dev.upkeep.run.ServerResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the Deploy dialog shows before "Run now": the plan's headline, and per server the packages the apt
 * simulation says would be upgraded (or why it cannot tell) and the Docker/Weave versions that would change.
 *
 * @param rollout with reboots, the rollout plan (batches, who needs a reboot as of the last refresh, each
 *                application's health check); null without
 */
public record PreflightReport(RunPlan plan, String headline, List<ServerLines> servers, String rollout) {
    /** Said under the rollout: the table's state is not a fresh probe, and the upgrade may add reboots. */
    public static final String AS_OF = "Reboot needs are as of the last refresh; the run checks each server again "
            + "after its upgrades and reboots only where one is required then.";

    public record ServerLines(String server, List<String> lines, boolean problem) {
    }

    /**
     * @param simulation the pre-flight's summary, null when no security upgrade was asked for
     */
    static PreflightReport of(RunPlan plan, RunSummary simulation, Map<String, ServerChoice> choices) {
        return of(plan, simulation, choices, null);
    }

    static PreflightReport of(RunPlan plan, RunSummary simulation, Map<String, ServerChoice> choices, String rollout) {
        List<ServerLines> out = new ArrayList<>();
        RunOptions o = plan.options();
        for (ServerPlan s : plan.servers()) {
            List<String> lines = new ArrayList<>();
            boolean problem = false;
            if (o.security() && simulation != null) {
                ServerResult r = simulation.results().stream().filter(x -> x.server().equals(s.ref())).findFirst().orElse(null);
                if (r == null || !r.succeeded()) {
                    lines.add("Security: cannot tell (" + (r == null ? "no answer" : r.message()) + ")");
                    problem = true;
                } else if (r.upgraded().isEmpty()) {
                    lines.add("Security: nothing to upgrade");
                } else {
                    lines.add("Security: " + r.upgraded().size() + " package(s) would be upgraded");
                    r.upgraded().forEach(p -> lines.add("    " + p));
                }
            }
            ServerChoice c = choices.get(s.ref().toString());
            if (o.docker()) {
                lines.add(c == null || c.dockerChange() == null ? "Docker: no change known" : c.dockerChange());
            }
            if (o.weave()) {
                lines.add(c == null || c.weaveChange() == null ? "Weave: no change known" : c.weaveChange());
            }
            out.add(new ServerLines(s.ref().toString(), lines, problem));
        }
        return new PreflightReport(plan, RolloutText.headline(plan), out, rollout);
    }

    public String asText() {
        StringBuilder sb = new StringBuilder(headline).append('\n');
        if (rollout != null) {
            sb.append(rollout).append(AS_OF).append('\n');
        }
        for (ServerLines s : servers) {
            sb.append(s.server()).append('\n');
            s.lines().forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        return sb.toString();
    }
}
