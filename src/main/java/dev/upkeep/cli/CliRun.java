package dev.upkeep.cli;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.Connections;
import dev.upkeep.run.HistoryRecorder;
import dev.upkeep.run.RunHandle;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunPlanner;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.Runner;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusService;
import dev.upkeep.run.SudoSession;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** What the run commands share: planning, asking, running with history and streaming, the summary and exit code. */
final class CliRun {
    private CliRun() {
    }

    /** Asks; on anything but yes says that nothing was changed and answers true (the command then exits 0). */
    static boolean declined(PrintWriter err, BufferedReader input, String question) throws IOException {
        if (confirmed(err, input, question)) {
            return false;
        }
        err.println("Nothing was changed.");
        err.flush();
        return true;
    }

    /** The plan for these servers; a plan the options rule out (a bad strategy for them) is the user's input. */
    static RunPlan plan(RunPlanner planner, Workspace ws, List<ServerRef> refs, RunOptions options) throws BadInputException {
        try {
            return planner.plan(ws, refs, options);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    static boolean confirmed(PrintWriter err, BufferedReader input, String question) throws IOException {
        err.print(question + " [y/N] ");
        err.flush();
        return isYes(input.readLine());
    }

    /** y or yes, in any case, around spaces; end of input is no. */
    static boolean isYes(String answer) {
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    /** Runs the plan on the workspace's connections with one sudo session, closing both at the end. */
    static int run(UpgradeServices services, Workspace ws, RunPlan plan, PrintWriter out, PrintWriter err, boolean json)
            throws Exception {
        Connections connections = services.connections(ws);
        SudoSession sudo = new SudoSession(services.sudoPrompt());
        try (Runner runner = new Runner(connections, sudo)) {
            return run(services, runner, plan, out, err, json);
        } finally {
            sudo.close();
            if (connections instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

    /** Runs the plan to its end; Ctrl-C meanwhile cancels it like the window's Cancel (exit 130, recorded as such). */
    static int run(UpgradeServices services, Runner runner, RunPlan plan, PrintWriter out, PrintWriter err, boolean json)
            throws Exception {
        HistoryRecorder recorder = services.history().record(plan);
        ServersInFlight inFlight = new ServersInFlight();
        RunHandle handle = runner.start(plan, List.of(recorder, inFlight, new UpgradePrinter(out, json, false)));
        RunSummary summary;
        try (CtrlC ignored = CtrlC.install(handle, inFlight, err)) {
            summary = handle.completion().get();
        }
        if (!json) {
            out.print(UpgradePrinter.summary(summary));
        }
        out.flush();
        if (summary.cancelled()) {
            err.println(UpgradePrinter.cancelled(summary));
        }
        err.println("Logs and summary: " + recorder.directory());
        recorder.failure().ifPresent(f -> err.println("upkeep: the run's history is incomplete: " + f));
        err.flush();
        if (summary.cancelled()) {
            return ExitCodes.CANCELLED;
        }
        return summary.allSucceeded() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    /** Which servers need a reboot right now: a status probe of the plan's servers (unreachable ones say so). */
    static Map<ServerRef, ServerStatus> probe(StatusService status, Workspace ws, RunPlan plan) throws Exception {
        return Probes.byServer(status, ws, plan.servers().stream().map(s -> s.ref()).toList());
    }
}
