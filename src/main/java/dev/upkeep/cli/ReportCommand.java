package dev.upkeep.cli;

import dev.upkeep.files.AtomicFile;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.report.FleetReport;
import dev.upkeep.report.ReportFormat;
import dev.upkeep.run.ManifestWants;
import dev.upkeep.run.ManifestWantsReader;
import dev.upkeep.run.ServerRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Command(name = "report", description = "Where the fleet stands, for auditors: per server OS, kernel running vs installed, "
        + "reboot required since when and why, pending security updates, last security upgrade, unattended-upgrades, "
        + "services to restart, Docker/Weave against the manifest; a summary with charts (HTML). Asks every selected server first, like status.")
final class ReportCommand extends FleetCommand {

    @Mixin
    ServerOptions selection = new ServerOptions();
    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "html, csv or json.")
    ReportFormat format;
    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file (private, 0600) instead of standard output.")
    Path out;
    @Option(names = "--warn-days", paramLabel = "DAYS", description = "Mark a last security upgrade older than this (default: the workspace's settings.patchAgeWarnDays, 14 if not set).")
    Integer warnDays;

    @Override
    public Integer call() throws Exception {
        OptionChecks.within("--warn-days", warnDays, 1, 3650, "");
        if (out != null && Files.isDirectory(out)) {
            throw new BadInputException("--out: " + out + " is a folder");
        }
        if (out != null && out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw new BadInputException("--out: no folder " + out.toAbsolutePath().getParent());
        }
        Workspace ws = parent.workspace();
        List<ServerRef> refs = selection.select(ws);
        PrintWriter err = err();
        List<ServerStatus> statuses = Probes.inOrder(parent.statusService(), ws, refs, false, false, err);
        Map<String, ManifestWants> wants = new ManifestWantsReader(new ManifestFiles()).read(ws);
        wants.forEach((app, w) -> {
            if (!w.readable()) {
                err.println(app + ": " + w.manifest() + ": " + w.note() + " (no Docker/Weave comparison)");
            }
        });
        FleetReport report = FleetReport.of(statuses, Instant.now(), warnDays != null ? warnDays : ws.settings().patchAgeWarnDays(),
                s -> {
                    ManifestWants w = wants.get(s.application());
                    return w == null ? null : w.driftOf(s.server(), s.dockerVersion(), s.weaveVersion());
                });
        String text = format.render(report);
        if (out == null) {
            out().print(text);
            out().flush();
        } else {
            AtomicFile.write(out, text, AtomicFile.Mode.PRIVATE);
            err.println("Report written to " + out);
        }
        err.flush();
        return Probes.exitCode(statuses, refs);
    }
}
