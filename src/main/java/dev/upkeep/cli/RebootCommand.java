package dev.upkeep.cli;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.RolloutText;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunPlanner;
import dev.upkeep.run.ServerRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "reboot", mixinStandardHelpOptions = true, description = "Reboot servers and verify each came back (new boot id, health check), "
        + "in parallel, one by one or in rolling batches. Shows the plan and asks first, unless --yes.")
final class RebootCommand implements Callable<Integer> {
    @ParentCommand
    UpkeepCommand parent;
    @Spec
    CommandSpec spec;
    /** Replaced by tests (temporary history folder). */
    UpgradeServices services = UpgradeServices.DEFAULT;

    @Option(names = "--only-if-required", description = "Reboot only servers with /var/run/reboot-required (read on each server just before).")
    boolean onlyIfRequired;
    @Mixin
    ServerOptions selection = new ServerOptions();
    @Mixin
    StrategyOptions strategy = new StrategyOptions();
    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Reboot timeout for every server (default: each application's, 600 s unless set).")
    Integer timeoutSeconds;
    @Option(names = "--yes", description = "Don't show the plan nor ask.")
    boolean yes;
    @Option(names = "--json", description = "One JSON object per event and line on standard output.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (services == UpgradeServices.DEFAULT) {
            services = parent.upgradeServices();
        }
        Workspace ws = parent.workspace();
        List<ServerRef> refs = selection.select(ws);
        if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > 86400)) {
            throw new BadInputException("--timeout must be between 1 and 86400 seconds");
        }
        RunOptions options = strategy.apply(RunOptions.rebootOnly(onlyIfRequired, ws.settings().concurrency())
                .withReboot(onlyIfRequired ? RunOptions.Reboot.IF_REQUIRED : RunOptions.Reboot.ALWAYS, timeoutSeconds));
        RunPlan plan;
        try {
            plan = new RunPlanner(services.hooks()).plan(ws, refs, options);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!yes) {
            PrintWriter text = json ? err : out;
            text.print(RolloutText.format(plan, ws, CliRun.probe(parent.statusService(), ws, plan)));
            text.flush();
            if (!CliRun.confirmed(err, parent.input(), "Reboot these servers now?")) {
                err.println("Nothing was changed.");
                return ExitCodes.OK;
            }
        }
        return CliRun.run(services, ws, plan, out, err, json);
    }
}
