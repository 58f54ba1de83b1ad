package dev.upkeep.cli;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.HistoryRecorder;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.Runner;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusListener;
import dev.upkeep.run.StatusService;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What {@code upgrade} and {@code reboot} share: asking, running with history and streaming, the summary and exit code. */
final class CliRun {
    private CliRun() {
    }

    static boolean confirmed(PrintWriter err, BufferedReader input, String question) throws IOException {
        err.print(question + " [y/N] ");
        err.flush();
        String answer = input.readLine();
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    static int run(UpgradeServices services, Runner runner, RunPlan plan, PrintWriter out, PrintWriter err, boolean json)
            throws Exception {
        HistoryRecorder recorder = services.history().record(plan);
        RunSummary summary = runner.start(plan, List.of(recorder, new UpgradePrinter(out, json, false))).completion().get();
        if (!json) out.print(UpgradePrinter.summary(summary));
        err.println("Logs and summary: " + recorder.directory());
        recorder.failure().ifPresent(f -> err.println("upkeep: the run's history is incomplete: " + f));
        out.flush();
        return summary.allSucceeded() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    /** Which servers need a reboot right now: a status probe of the plan's servers (unreachable ones say so). */
    static Map<ServerRef, ServerStatus> probe(StatusService status, Workspace ws, RunPlan plan) throws Exception {
        List<ServerRef> refs = plan.servers().stream().map(s -> s.ref()).toList();
        Map<ServerRef, ServerStatus> now = new HashMap<>();
        List<ServerStatus> results = status.refresh(ws, refs, false, new StatusListener() {
            @Override
            public void finished(ServerRef server, ServerStatus s) {
            }
        }).completion().get();
        results.forEach(s -> now.put(new ServerRef(s.application(), s.server()), s));
        return now;
    }
}
