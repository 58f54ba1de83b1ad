package dev.upkeep.cli;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.RolloutText;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunPlanner;
import dev.upkeep.run.ServerRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "reboot", mixinStandardHelpOptions = true, description = "Reboot servers and verify each came back (new boot id, health check), "
        + "in parallel, one by one or in rolling batches. Shows the plan and asks first, unless --yes.")
final class RebootCommand extends FleetCommand {
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
    @Mixin
    EventOutput events = new EventOutput();

    @Override
    public Integer call() throws Exception {
        Workspace ws = parent.workspace();
        List<ServerRef> refs = selection.select(ws);
        OptionChecks.within("--timeout", timeoutSeconds, 1, 86400, "seconds");
        RunOptions options = strategy.apply(RunOptions.rebootOnly(onlyIfRequired, ws.settings().concurrency())
                .withReboot(onlyIfRequired ? RunOptions.Reboot.IF_REQUIRED : RunOptions.Reboot.ALWAYS, timeoutSeconds));
        RunPlan plan = CliRun.plan(new RunPlanner(upgradeServices().hooks()), ws, refs, options);
        if (!yes) {
            PrintWriter text = events.json ? err() : out();
            text.print(RolloutText.format(plan, ws, CliRun.probe(parent.statusService(), ws, plan)));
            text.flush();
            if (CliRun.declined(err(), parent.input(), "Reboot these servers now?")) {
                return ExitCodes.OK;
            }
        }
        return CliRun.run(upgradeServices(), ws, plan, out(), err(), events.json);
    }
}
