package dev.upkeep.cli;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "status", description = "Show the truth about servers: reboot required, pending updates, versions.")
final class StatusCommand extends FleetCommand {
    /** Where a cold refresh spends its time (bench/where-time-goes reads it); off unless asked for. */
    private static final Logger TIMING = LoggerFactory.getLogger("dev.upkeep.timing");

    @Mixin
    ServerOptions selection = new ServerOptions();
    @Option(names = "--update-lists", description = "Run apt-get update first (privileged), so that pending counts are current.")
    boolean updateLists;
    @Option(names = "--no-cache", description = "Recompute pending updates on every server instead of answering from the"
            + " probe's cache there (it is used only when nothing it depends on changed).")
    boolean noCache;
    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Workspace ws = parent.workspace();
        List<ServerRef> refs = selection.select(ws);
        long started = System.nanoTime();
        List<ServerStatus> ordered = Probes.inOrder(parent.statusService(), ws, refs, updateLists, noCache, json ? null : err());
        long refreshed = System.nanoTime();
        out().print(json ? StatusJson.format(ordered) : StatusTable.format(ordered));
        out().flush();
        err().flush();
        TIMING.debug("refresh of {} servers {} ms, output {} ms", refs.size(), (refreshed - started) / 1_000_000,
                (System.nanoTime() - refreshed) / 1_000_000);
        return Probes.exitCode(ordered, refs);
    }
}
