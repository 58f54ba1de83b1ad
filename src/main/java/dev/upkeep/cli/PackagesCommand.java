package dev.upkeep.cli;

import dev.upkeep.debian.DebianVersion;
import dev.upkeep.debian.PackageFinding;
import dev.upkeep.debian.PackagePattern;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.AnswerListener;
import dev.upkeep.run.PackageExposure;
import dev.upkeep.run.ServerAnswer;
import dev.upkeep.run.ServerRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

@Command(name = "packages", description = "Which servers have these packages, at which version, what apt offers instead, "
        + "and (with --below) which are exposed. With --upgrade, upgrades just those packages where they are exposed.")
final class PackagesCommand extends FleetCommand {
    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Binary or source package name, or a glob (libssl*).")
    List<String> names = new ArrayList<>();
    @Option(names = "--below", paramLabel = "VERSION", description = "The fixed version: installed below it (dpkg's ordering) is exposed.")
    String below;
    @Mixin
    ServerOptions selection = new ServerOptions();
    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;
    @Option(names = "--csv", description = "Print CSV (RFC 4180) with a header line.")
    boolean csv;
    @Option(names = "--upgrade", description = "Upgrade the exposed packages (needs --below) on the exposed servers only; shows the plan and asks first, unless --yes.")
    boolean upgrade;
    @Option(names = "--restart-services", description = "With --upgrade: then restart the services still using replaced libraries, where no reboot is required.")
    boolean restartServices;
    @Option(names = "--yes", description = "With --upgrade: don't ask.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        if (json && csv) {
            throw new BadInputException("--json and --csv: choose one");
        }
        if (upgrade && below == null) {
            throw new BadInputException("--upgrade needs --below VERSION (what is exposed is what is below it)");
        }
        if (restartServices && !upgrade) {
            throw new BadInputException("--restart-services goes with --upgrade (or use upkeep restart-services)");
        }
        if (upgrade && (json || csv)) {
            throw new BadInputException("--upgrade prints a run, not --json or --csv");
        }
        DebianVersion fixed = fixedVersion();
        List<PackagePattern> patterns = patterns();
        Workspace ws = parent.workspace();
        List<ServerRef> refs = selection.select(ws);
        List<PackageExposure> rows = query(ws, refs, patterns, fixed);
        PrintWriter out = out();
        out.print(json ? PackagesOutput.json(rows) : csv ? PackagesOutput.csv(rows, fixed != null) : PackagesOutput.table(rows, fixed != null));
        out.flush();
        boolean allAnswered = rows.stream().allMatch(r -> r.error() == null);
        if (upgrade) {
            PackagesUpgrade.Outcome ran = new PackagesUpgrade(parent, upgradeServices(), err(), out)
                    .run(ws, rows, fixed, restartServices, yes);
            if (!ran.ran() || ran.exit() != ExitCodes.OK) {
                return ran.exit();
            }
            // the answer after the upgrade: what is still exposed
            rows = query(ws, refs, patterns, fixed);
            out.println();
            out.println("After the upgrade:");
            out.print(PackagesOutput.table(rows, true));
            out.flush();
            boolean stillExposed = rows.stream().anyMatch(r -> !Boolean.FALSE.equals(r.exposed()));
            return stillExposed ? ExitCodes.SOME_FAILED : ExitCodes.OK;
        }
        return allAnswered ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    private DebianVersion fixedVersion() throws BadInputException {
        if (below == null) {
            return null;
        }
        if (!DebianVersion.isValid(below)) {
            throw new BadInputException("--below: '" + below + "' is not a Debian version");
        }
        return DebianVersion.parse(below);
    }

    private List<PackagePattern> patterns() throws BadInputException {
        List<PackagePattern> patterns = new ArrayList<>();
        for (String n : names) {
            try {
                patterns.add(PackagePattern.of(n));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        return patterns;
    }

    private List<PackageExposure> query(Workspace ws, List<ServerRef> refs, List<PackagePattern> patterns,
                                        DebianVersion fixed) throws Exception {
        PrintWriter err = err();
        List<ServerAnswer<List<PackageFinding>>> answers = parent.statusService().packages(ws, refs, patterns,
                new AnswerListener<>() {
                    @Override
                    public void finished(ServerAnswer<List<PackageFinding>> a) {
                        if (!a.answered() && !json && !csv) {
                            synchronized (err) {
                                err.println(a.server() + ": " + a.error());
                            }
                        }
                    }
                }).completion().get();
        err.flush();
        return PackageExposure.of(refs, answers, fixed);
    }
}
