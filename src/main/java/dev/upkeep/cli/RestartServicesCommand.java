package dev.upkeep.cli;

import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunPlanner;
import dev.upkeep.run.ServerRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Command(name = "restart-services", description = "Restart the services still using replaced (deleted) libraries, "
        + "then look again. Never sshd nor the unit of Upkeep's own session. Shows the list and asks first, unless --yes.")
final class RestartServicesCommand extends FleetCommand {
    @Mixin
    ServerOptions selection = new ServerOptions();
    @Option(names = "--yes", description = "Don't ask.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        Workspace ws = parent.workspace();
        List<ServerRef> refs = selection.select(ws);
        PrintWriter out = out();
        PrintWriter err = err();
        Map<ServerRef, ServerStatus> now = Probes.byServer(parent.statusService(), ws, refs);
        Map<ServerRef, Set<String>> confirmed = new LinkedHashMap<>();
        boolean unknown = false;
        out.println("Still using replaced libraries:");
        for (ServerRef ref : refs) {
            ServerStatus s = now.get(ref);
            out.println("    " + ref + ": " + RestartNeedsText.line(s));
            RestartNeeds n = s == null || !s.reachable() ? null : s.restartNeeds();
            if (n == null || !n.looked()) {
                unknown = true;
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            n.restartable().forEach(v -> names.add(v.name()));
            if (!names.isEmpty()) {
                confirmed.put(ref, names);
            }
        }
        out.flush();
        if (confirmed.isEmpty()) {
            err.println("Nothing to restart.");
            err.flush();
            return unknown ? ExitCodes.SOME_FAILED : ExitCodes.OK;
        }
        if (!yes && CliRun.declined(err, parent.input(), "Restart these services now ("
                + confirmed.values().stream().mapToInt(Set::size).sum() + " on " + confirmed.size() + " server(s))?")) {
            return ExitCodes.OK;
        }
        RunPlan plan = new RunPlanner(upgradeServices().hooks()).restartServices(ws, confirmed,
                RunOptions.restartOnly(ws.settings().concurrency()));
        int exit = CliRun.run(upgradeServices(), ws, plan, out, err, false);
        return exit == ExitCodes.OK && unknown ? ExitCodes.SOME_FAILED : exit;
    }
}
