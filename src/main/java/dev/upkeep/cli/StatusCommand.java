package dev.upkeep.cli;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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
    @ParentCommand
    UpkeepCommand parent;
    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions selection = new ServerOptions();
    @Option(names = "--update-lists", description = "Run apt-get update first (privileged), so that pending counts are current.")
    boolean updateLists;
    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Workspace ws = parent.workspace();
        List<ServerRef> refs = selection.select(ws);
        PrintWriter err = spec.commandLine().getErr();
        List<ServerStatus> results = parent.statusService().refresh(ws, refs, updateLists, new StatusListener() {
            @Override
            public void finished(ServerRef server, ServerStatus status) {
                if (!json && !status.reachable()) err.println(server + ": " + status.error());
            }
        }).completion().get();
        List<ServerStatus> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingInt(s -> refs.indexOf(new ServerRef(s.application(), s.server()))));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? StatusJson.format(ordered) : StatusTable.format(ordered));
        out.flush();
        err.flush();
        boolean allAnswered = ordered.size() == refs.size() && ordered.stream().allMatch(ServerStatus::reachable);
        return allAnswered ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }
}
