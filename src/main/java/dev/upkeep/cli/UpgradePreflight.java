package dev.upkeep.cli;

import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.Runner;
import dev.upkeep.run.ServerResult;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/** The summary shown before a run: which servers, what each would upgrade (apt simulation), how it will go. */
final class UpgradePreflight {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    UpgradePreflight(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    void show(Runner runner, RunPlan simulation, RunPlan plan) throws InterruptedException, ExecutionException {
        PrintWriter text = json ? err : out;
        text.println(headline(plan));
        if (!plan.options().security()) {
            plan.servers().forEach(s -> text.println("  " + s.ref()));
            text.flush();
            return;
        }
        RunSummary summary = runner.start(simulation, new UpgradePrinter(out, json, true)).completion().get();
        for (ServerResult r : summary.results()) {
            if (!r.succeeded()) {
                text.println("  " + r.server() + ": cannot tell (" + r.message() + ")");
                continue;
            }
            text.println("  " + r.server() + ": " + r.message().replaceFirst("^security upgrade simulation: ", ""));
            r.upgraded().forEach(p -> text.println("      " + p));
        }
        text.flush();
    }

    static String headline(RunPlan plan) {
        RunOptions o = plan.options();
        List<String> what = new ArrayList<>();
        if (o.security()) what.add("security upgrades");
        if (o.docker()) what.add("Docker upgrade");
        if (o.weave()) what.add("Weave upgrade");
        if (o.reboot() == RunOptions.Reboot.IF_REQUIRED) what.add("reboot where required");
        if (o.reboot() == RunOptions.Reboot.ALWAYS) what.add("reboot");
        String how = switch (o.strategy()) {
            case SERIAL -> "one server at a time";
            case PARALLEL -> o.concurrency() + " servers at a time";
            case ROLLING -> "rolling in " + plan.batches().size() + " batch(es)";
        };
        Integer max = plan.rollout().failuresAllowed();
        return String.join(" + ", what) + " on " + plan.servers().size() + " server(s), " + how
                + (max == null ? "" : ", stopping after " + max + " failure(s)") + ":";
    }
}
