package dev.upkeep.cli;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.Connections;
import dev.upkeep.run.HistoryRecorder;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunPlanner;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.Runner;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.SudoPasswords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "upgrade", description = "Apply security upgrades (and Docker/Weave upgrades, once available) on servers, "
        + "streaming each server's output. Shows a pre-flight summary and asks first, unless --yes.")
final class UpgradeCommand implements Callable<Integer> {
    enum StrategyName { parallel, serial }

    @ParentCommand
    UpkeepCommand parent;
    @Spec
    CommandSpec spec;
    /** Replaced by tests (temporary history folder). */
    UpgradeServices services = UpgradeServices.DEFAULT;

    @Option(names = "--security", description = "Apply security updates with unattended-upgrades, and enable daily upgrades.")
    boolean security;
    @Option(names = "--docker", description = "Upgrade Docker to the application's manifest version.")
    boolean docker;
    @Option(names = "--weave", description = "Upgrade Weave to the application's manifest version.")
    boolean weave;
    @Option(names = "--app", paramLabel = "NAME", description = "Only this application's servers.")
    String app;
    @Option(names = "--server", paramLabel = "NAME", description = "Only this server (repeatable; NAME or APP/NAME).")
    List<String> servers = new ArrayList<>();
    @Option(names = "--strategy", paramLabel = "parallel|serial", description = "Parallel (settings.concurrency at once, the default) or one server after the other.")
    StrategyName strategy = StrategyName.parallel;
    @Option(names = "--max-failures", paramLabel = "N", description = "Start no more servers once N have failed.")
    Integer maxFailures;
    @Option(names = "--lock-wait", paramLabel = "SECONDS", description = "How long to wait for another apt/dpkg to finish (default: ${DEFAULT-VALUE}).")
    int lockWaitSeconds = (int) RunOptions.DEFAULT_LOCK_WAIT.toSeconds();
    @Option(names = "--repair-dpkg", description = "Where dpkg was interrupted, run 'dpkg --configure -a' first instead of failing.")
    boolean repairDpkg;
    @Option(names = "--dry-run", description = "Show the pre-flight summary and stop.")
    boolean dryRun;
    @Option(names = "--yes", description = "Don't show the pre-flight summary nor ask.")
    boolean yes;
    @Option(names = "--json", description = "One JSON object per event and line on standard output.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Workspace ws = parent.workspace();
        List<ServerRef> refs = Selection.select(ws, app, servers);
        RunOptions options = options(ws);
        RunPlanner planner = new RunPlanner(services.hooks());
        RunPlan plan;
        try {
            plan = planner.plan(ws, refs, options);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Connections connections = services.connections(ws);
        AskOnce sudo = new AskOnce(services.sudoPasswords());
        try (Runner runner = new Runner(connections, sudo)) {
            if (!yes || dryRun) {
                new UpgradePreflight(out, err, json).show(runner, planner.preflight(ws, refs, options), plan);
                if (dryRun) return ExitCodes.OK;
                if (!confirmed(err)) {
                    err.println("Nothing was changed.");
                    return ExitCodes.OK;
                }
            }
            HistoryRecorder recorder = services.history().record(plan);
            RunSummary summary = runner.start(plan, List.of(recorder, new UpgradePrinter(out, json, false))).completion().get();
            if (!json) out.print(UpgradePrinter.summary(summary));
            err.println("Logs and summary: " + recorder.directory());
            out.flush();
            return summary.allSucceeded() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
        } finally {
            sudo.wipe();
            if (connections instanceof AutoCloseable c) c.close();
        }
    }

    private RunOptions options(Workspace ws) throws BadInputException {
        if (!security && !docker && !weave) throw new BadInputException("say what to upgrade: --security, --docker and/or --weave");
        if (maxFailures != null && maxFailures < 1) throw new BadInputException("--max-failures must be at least 1");
        if (lockWaitSeconds < 0 || lockWaitSeconds > 3600) throw new BadInputException("--lock-wait must be between 0 and 3600 seconds");
        return new RunOptions(security, docker, weave,
                strategy == StrategyName.serial ? RunOptions.Strategy.SERIAL : RunOptions.Strategy.PARALLEL,
                ws.settings().concurrency(), maxFailures, Duration.ofSeconds(lockWaitSeconds), repairDpkg);
    }

    private boolean confirmed(PrintWriter err) throws java.io.IOException {
        err.print("Apply these upgrades now? [y/N] ");
        err.flush();
        String answer = parent.input().readLine();
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    /** The pre-flight and the run share one answer: asked once, each run gets (and wipes) its own copy. */
    private static final class AskOnce implements SudoPasswords {
        private final SudoPasswords delegate;
        private boolean asked;
        private char[] password;

        AskOnce(SudoPasswords delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized char[] password(RunPlan plan) {
            if (!asked) {
                password = delegate.password(plan);
                asked = true;
            }
            return password == null ? null : password.clone();
        }

        synchronized void wipe() {
            if (password != null) java.util.Arrays.fill(password, '\0');
        }
    }
}
