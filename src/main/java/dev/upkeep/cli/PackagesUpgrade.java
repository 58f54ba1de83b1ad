package dev.upkeep.cli;

import dev.upkeep.debian.DebianVersion;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.PackageExposure;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.RunPlanner;
import dev.upkeep.run.ServerRef;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code upkeep packages NAME --below V --upgrade}: the plan (which packages on which exposed servers, to which
 * version), the question, the run with its history, and then what still uses the old libraries.
 */
final class PackagesUpgrade {
    private final UpkeepCommand parent;
    private final UpgradeServices services;
    private final PrintWriter err;
    private final PrintWriter out;

    PackagesUpgrade(UpkeepCommand parent, UpgradeServices services, PrintWriter err, PrintWriter out) {
        this.parent = parent;
        this.services = services;
        this.err = err;
        this.out = out;
    }

    /** How it ended: the exit code, and whether anything was run (not when nothing was exposed or the answer was no). */
    record Outcome(int exit, boolean ran) {
    }

    Outcome run(Workspace ws, List<PackageExposure> rows, DebianVersion fixed, boolean restart, boolean yes) throws Exception {
        List<PackageExposure> fixable = rows.stream().filter(r -> !r.noFixOffered(fixed)).toList();
        for (PackageExposure r : rows) {
            if (r.noFixOffered(fixed)) {
                err.println(r.server() + ": " + r.finding().name() + " is exposed but apt offers "
                        + (r.finding().candidate() == null ? "no version" : r.finding().candidate())
                        + ", not " + fixed + " or later: not upgraded (update the package lists: upkeep status --update-lists)");
            }
        }
        Map<ServerRef, List<String>> packages = PackageExposure.toUpgrade(fixable);
        if (packages.isEmpty()) {
            err.println("Nothing to upgrade: no server has these packages below " + fixed + " with a fix offered.");
            err.flush();
            return new Outcome(rows.stream().anyMatch(r -> Boolean.TRUE.equals(r.exposed())) ? ExitCodes.SOME_FAILED : ExitCodes.OK, false);
        }
        RunOptions options = RunOptions.builder().concurrency(ws.settings().concurrency()).restartServices(restart).build();
        RunPlan plan = new RunPlanner(services.hooks()).upgradePackages(ws, packages, options);
        out.println();
        out.println("Upgrade on " + packages.size() + " exposed server(s), nothing else:");
        for (PackageExposure r : fixable) {
            if (!packages.containsKey(r.server()) || !packages.get(r.server()).contains(r.finding().name())) {
                continue;
            }
            out.println("    " + r.server() + ": " + r.finding().name() + " " + r.finding().installed() + " -> "
                    + r.finding().candidate() + (Boolean.TRUE.equals(r.finding().candidateSecurity()) ? " (security)" : ""));
        }
        if (restart) {
            out.println("then restart the services still using replaced libraries, where no reboot is required");
        }
        out.flush();
        if (!yes && CliRun.declined(err, parent.input(), "Upgrade these packages now?")) {
            return new Outcome(ExitCodes.OK, false);
        }
        int exit = CliRun.run(services, ws, plan, out, err, false);
        printRestartNeeds(ws, List.copyOf(packages.keySet()));
        return new Outcome(exit, true);
    }

    /** Patched but not yet protected: what still maps the old files, per server (a status probe). */
    private void printRestartNeeds(Workspace ws, List<ServerRef> refs) throws Exception {
        Map<ServerRef, ServerStatus> now = Probes.byServer(parent.statusService(), ws, refs);
        out.println();
        out.println("Still using replaced libraries:");
        for (ServerRef ref : refs) {
            out.println("    " + ref + ": " + RestartNeedsText.line(now.get(ref)));
        }
        out.flush();
    }
}
