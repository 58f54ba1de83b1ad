package dev.upkeep.cli;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "status", description = "Show the truth about servers: reboot required, pending updates, versions.")
final class StatusCommand implements Callable<Integer> {
    /** Where a cold refresh spends its time (bench/where-time-goes reads it); off unless asked for. */
    private static final Logger TIMING = LoggerFactory.getLogger("dev.upkeep.timing");
    @ParentCommand
    UpkeepCommand parent;
    @Spec
    CommandSpec spec;

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
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        List<ServerStatus> results = parent.statusService().refresh(ws, refs, updateLists, noCache, new StatusListener() {
            @Override
            public void finished(ServerRef server, ServerStatus status) {
                if (!json && !status.reachable()) {
                    err.println(server + ": " + status.error());
                }
            }
        }).completion().get();
        long refreshed = System.nanoTime();
        List<ServerStatus> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingInt(s -> refs.indexOf(new ServerRef(s.application(), s.server()))));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? StatusJson.format(ordered) : StatusTable.format(ordered));
        out.flush();
        err.flush();
        TIMING.debug("refresh of {} servers {} ms, output {} ms", refs.size(), (refreshed - started) / 1_000_000,
                (System.nanoTime() - refreshed) / 1_000_000);
        boolean allAnswered = ordered.size() == refs.size() && ordered.stream().allMatch(ServerStatus::reachable);
        return allAnswered ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }
}
