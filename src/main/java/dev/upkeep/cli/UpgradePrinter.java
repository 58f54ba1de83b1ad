package dev.upkeep.cli;

import dev.upkeep.cli.UpgradeJson.Kind;
import dev.upkeep.run.RunEvent;
import dev.upkeep.run.RunListener;
import dev.upkeep.run.RunStep;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.ServerResult;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Streams a run to the terminal: each line prefixed with its server, or (--json) one JSON object per event. */
final class UpgradePrinter implements RunListener {
    private final PrintWriter out;
    private final boolean json;
    private final boolean quietOutput;
    private String runId;

    /** @param quietOutput print steps and results but not every output line (the pre-flight) */
    UpgradePrinter(PrintWriter out, boolean json, boolean quietOutput) {
        this.out = out;
        this.json = json;
        this.quietOutput = quietOutput;
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.RunStarted s) {
            runId = s.plan().id();
        }
        if (json) {
            out.println(UpgradeJson.event(event, quietOutput ? Kind.PREFLIGHT : Kind.RUN, runId));
        } else if (event instanceof RunEvent.Output o && !quietOutput) {
            out.println(o.server().server() + (o.isError() ? " ! " : " | ") + o.line());
        } else if (event instanceof RunEvent.StepChanged s && s.step() != RunStep.QUEUED && !s.step().isFinal() && !quietOutput) {
            out.println(s.server().server() + " > " + s.step().label() + (s.detail() == null ? "" : ": " + s.detail()));
        } else if (event instanceof RunEvent.BatchStarted b && b.batches() > 1 && !quietOutput) {
            out.println("== batch " + b.number() + " of " + b.batches() + ": "
                    + String.join(", ", b.servers().stream().map(r -> r.server()).toList()));
        } else if (event instanceof RunEvent.Stopping s && !quietOutput) {
            out.println("== stopping: " + s.reason());
        } else if (event instanceof RunEvent.Cancelling c && !quietOutput) {
            out.println(c.stopWaiting() ? "== cancelled: no longer waiting for servers mid-reboot (left unverified)"
                    : "== cancelled: no new server starts; running servers stop at a safe point");
        } else if (event instanceof RunEvent.Paused p && !quietOutput) {
            out.println("== paused: " + p.detail());
        } else if (event instanceof RunEvent.Resumed && !quietOutput) {
            out.println("== resumed");
        } else if (event instanceof RunEvent.ServerFinished f && !quietOutput) {
            ServerResult r = f.result();
            out.println(r.server().server() + " = " + r.outcome().label() + " (" + seconds(r.duration()) + "): " + r.message());
        }
        out.flush();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** The per-server table at the end of a run. */
    static String summary(RunSummary s) {
        StringBuilder b = new StringBuilder();
        int width = s.results().stream().mapToInt(r -> r.server().toString().length()).max().orElse(6);
        String format = "%-" + Math.max(width, 6) + "s  %-11s  %7s  %-6s  %s%n";
        b.append(String.format(format, "SERVER", "RESULT", "TIME", "REBOOT", "UPGRADED / MESSAGE"));
        for (ServerResult r : s.results()) {
            String what = r.upgraded().isEmpty() ? r.message() : String.join(", ", r.upgraded());
            b.append(String.format(format, r.server(), r.outcome().label(), seconds(r.duration()),
                    r.rebootRequired() ? "yes" : "no", what));
        }
        long done = s.results().stream().filter(ServerResult::succeeded).count();
        b.append(String.format("%d of %d server(s) done, %d failed or not run; run %s%n", done, s.results().size(),
                s.results().size() - done, s.id()));
        if (s.cancelled()) {
            b.append(cancelled(s)).append(System.lineSeparator());
        }
        return b.toString();
    }

    /** "Cancelled: 1 done, 2 not started, 1 unverified (mid-reboot: srv03)." */
    static String cancelled(RunSummary s) {
        Map<RunStep, Integer> counts = new EnumMap<>(RunStep.class);
        s.results().forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((step, n) -> parts.add(n + " " + step.label()));
        List<String> unverified = s.results().stream().filter(r -> r.outcome() == RunStep.UNVERIFIED)
                .map(r -> r.server().server()).toList();
        return "Cancelled: " + String.join(", ", parts)
                + (unverified.isEmpty() ? "." : " (mid-reboot, check by hand: " + String.join(", ", unverified) + ").");
    }
}
