package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.RebootPolicy;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan of a run with reboots, as shown before asking: how it goes, each batch with whether each server needs a
 * reboot now (from a status probe), the keep-one-up notes, and each application's health check and timeout.
 */
public final class RolloutText {
    private RolloutText() {
    }

    /** @param now each server's status from a probe just before, or null when the plan has no reboot to decide */
    public static String format(RunPlan plan, Workspace ws, Map<ServerRef, ServerStatus> now) {
        StringBuilder b = new StringBuilder();
        b.append(how(plan)).append(":\n");
        List<Batch> batches = plan.batches();
        for (Batch batch : batches) {
            if (batches.size() > 1) {
                b.append("  batch ").append(batch.number()).append(" of ").append(batches.size()).append(":\n");
            }
            String indent = batches.size() > 1 ? "    " : "  ";
            for (ServerRef r : batch.servers()) {
                b.append(indent).append(r).append(now == null ? "" : ": " + needs(now.get(r))).append('\n');
            }
        }
        plan.rollout().notes().forEach(n -> b.append("  keep one up: ").append(n).append('\n'));
        if (plan.options().reboot() != RunOptions.Reboot.NONE) {
            Set<String> apps = new LinkedHashSet<>();
            plan.servers().forEach(s -> apps.add(s.ref().application()));
            for (String name : apps) {
                RebootPolicy p = ws.application(name).map(Application::reboot).orElse(RebootPolicy.DEFAULTS);
                int timeout = plan.options().rebootTimeoutSeconds() != null ? plan.options().rebootTimeoutSeconds() : p.timeoutSeconds();
                b.append("  ").append(name).append(": health check ")
                        .append(p.healthCheck() == null ? "none (back with a new boot id is enough)" : p.healthCheck().describe())
                        .append("; timeout ").append(timeout).append(" s")
                        .append(p.drain() == null ? "" : "; drain `" + p.drain() + "`")
                        .append(p.undrain() == null ? "" : ", undrain `" + p.undrain() + "`").append('\n');
            }
        }
        return b.toString();
    }

    /**
     * The one line that says what a run will do, before it starts (the command line's pre-flight, the Deploy dialog,
     * the run window's title): "security upgrades + Docker upgrade on 3 server(s), 10 at a time, stopping after 1
     * failure(s)", or with reboots "security upgrades, then reboot only where required on 2 server(s), rolling …".
     */
    public static String headline(RunPlan plan) {
        RunOptions o = plan.options();
        List<String> what = new ArrayList<>();
        if (o.security()) {
            what.add("security upgrades");
        }
        if (o.docker()) {
            what.add("Docker upgrade");
        }
        if (o.weave()) {
            what.add("Weave upgrade");
        }
        if (o.reboot() != RunOptions.Reboot.NONE || o.strategy() == RunOptions.Strategy.ROLLING) {
            // "reboot only where required on 2 server(s), rolling in batches of 1, stopping after 1 failure(s)"
            String how = how(plan);
            if (o.reboot() == RunOptions.Reboot.NONE) {
                return String.join(" + ", what) + how.substring("no reboot".length());
            }
            return what.isEmpty() ? how : String.join(" + ", what) + ", then " + how;
        }
        String how = o.strategy() == RunOptions.Strategy.SERIAL ? "one server at a time" : o.concurrency() + " at a time";
        return String.join(" + ", what) + " on " + plan.servers().size() + " server(s), " + how
                + (o.maxFailures() == null ? "" : ", stopping after " + o.maxFailures() + " failure(s)");
    }

    /** "reboot only where required on 6 server(s), rolling in batches of 2, stopping after 1 failure(s)". */
    public static String how(RunPlan plan) {
        RunOptions o = plan.options();
        String what = switch (o.reboot()) {
            case NONE -> "no reboot";
            case IF_REQUIRED -> "reboot only where required";
            case ALWAYS -> "reboot";
        };
        String strategy = switch (o.strategy()) {
            case SERIAL -> "one server at a time";
            case PARALLEL -> o.concurrency() + " servers at a time";
            case ROLLING -> "rolling in batches of " + (o.batch() == null ? "1" : o.batch().percent()
                    ? o.batch() + " (" + o.batchSize(plan.servers().size()) + ")" : o.batch().toString());
        };
        Integer max = plan.rollout().failuresAllowed();
        return what + " on " + plan.servers().size() + " server(s), " + strategy
                + (max == null ? "" : ", stopping after " + max + " failure(s)");
    }

    private static String needs(ServerStatus s) {
        if (s == null) {
            return "not probed";
        }
        if (!s.reachable()) {
            return "unreachable now (" + s.error() + ")";
        }
        if (s.rebootRequired() == null) {
            return "reboot required: unknown now";
        }
        if (!s.rebootRequired()) {
            return "no reboot required now";
        }
        return "reboot required now" + (s.rebootPackages().isEmpty() ? "" : " (" + String.join(", ", s.rebootPackages()) + ")");
    }
}
