package dev.upkeep.cli;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.Connections;
import dev.upkeep.run.RolloutText;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunPlanner;
import dev.upkeep.run.Runner;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.SudoSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@Command(name = "upgrade", mixinStandardHelpOptions = true, description = "Apply security upgrades (and Docker/Weave upgrades, once available) on servers, "
        + "streaming each server's output; with --reboot-if-required, reboot and verify where needed afterwards. "
        + "Shows a pre-flight summary and asks first, unless --yes.")
final class UpgradeCommand extends FleetCommand {
    @Option(names = "--security", description = "Apply security updates with unattended-upgrades, and enable daily upgrades.")
    boolean security;
    @Option(names = "--docker", description = "Upgrade Docker to the application's manifest version.")
    boolean docker;
    @Option(names = "--weave", description = "Upgrade Weave to the application's manifest version.")
    boolean weave;
    @Option(names = "--reboot-if-required", description = "After the upgrades, reboot the servers that need it and verify they came back.")
    boolean rebootIfRequired;
    @Option(names = "--reboot-timeout", paramLabel = "SECONDS", description = "With --reboot-if-required: reboot timeout for every server (default: each application's).")
    Integer rebootTimeoutSeconds;
    @Mixin
    ServerOptions selection = new ServerOptions();
    @Mixin
    StrategyOptions strategy = new StrategyOptions();
    @Option(names = "--lock-wait", paramLabel = "SECONDS", description = "How long to wait for another apt/dpkg to finish (default: ${DEFAULT-VALUE}).")
    int lockWaitSeconds = (int) RunOptions.DEFAULT_LOCK_WAIT.toSeconds();
    @Option(names = "--repair-dpkg", description = "Where dpkg was interrupted, run 'dpkg --configure -a' first instead of failing.")
    boolean repairDpkg;
    @Option(names = "--dry-run", description = "Show the pre-flight summary and stop.")
    boolean dryRun;
    @Option(names = "--yes", description = "Don't show the pre-flight summary nor ask.")
    boolean yes;
    @Mixin
    EventOutput events = new EventOutput();

    @Override
    public Integer call() throws Exception {
        Workspace ws = parent.workspace();
        List<ServerRef> refs = selection.select(ws);
        RunOptions options = options(ws);
        RunPlanner planner = new RunPlanner(upgradeServices().hooks());
        RunPlan plan = CliRun.plan(planner, ws, refs, options);
        PrintWriter out = out();
        PrintWriter err = err();
        boolean json = events.json;
        Connections connections = upgradeServices().connections(ws);
        SudoSession sudo = new SudoSession(upgradeServices().sudoPrompt());
        try (Runner runner = new Runner(connections, sudo)) {
            if (!yes || dryRun) {
                new UpgradePreflight(out, err, json).show(runner, planner.preflight(ws, refs, options), plan);
                if (rebootIfRequired || plan.batches().size() > 1) {
                    PrintWriter text = json ? err : out;
                    Map<ServerRef, ServerStatus> now = rebootIfRequired ? CliRun.probe(parent.statusService(), ws, plan) : null;
                    text.print(RolloutText.format(plan, ws, now));
                    text.flush();
                }
                if (dryRun) {
                    return ExitCodes.OK;
                }
                if (CliRun.declined(err, parent.input(), "Apply these upgrades now?")) {
                    return ExitCodes.OK;
                }
            }
            return CliRun.run(upgradeServices(), runner, plan, out, err, json);
        } finally {
            sudo.close();
            if (connections instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

    private RunOptions options(Workspace ws) throws BadInputException {
        if (!security && !docker && !weave) {
            throw new BadInputException("say what to upgrade: --security, --docker and/or --weave");
        }
        OptionChecks.within("--lock-wait", lockWaitSeconds, 0, 3600, "seconds");
        if (rebootTimeoutSeconds != null && !rebootIfRequired) {
            throw new BadInputException("--reboot-timeout goes with --reboot-if-required");
        }
        OptionChecks.within("--reboot-timeout", rebootTimeoutSeconds, 1, 86400, "seconds");
        RunOptions base = RunOptions.builder().security(security).docker(docker).weave(weave)
                .concurrency(ws.settings().concurrency()).lockWait(Duration.ofSeconds(lockWaitSeconds)).repairDpkg(repairDpkg)
                .reboot(rebootIfRequired ? RunOptions.Reboot.IF_REQUIRED : RunOptions.Reboot.NONE)
                .rebootTimeoutSeconds(rebootTimeoutSeconds).build();
        return strategy.apply(base);
    }
}
