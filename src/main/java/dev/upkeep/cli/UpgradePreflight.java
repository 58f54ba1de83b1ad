package dev.upkeep.cli;

import dev.upkeep.run.RolloutText;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.Runner;
import dev.upkeep.run.ServerResult;

import java.io.PrintWriter;
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
        text.println(RolloutText.headline(plan) + ":");
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
}
