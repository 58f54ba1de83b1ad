package dev.upkeep.cli;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** --app / --server, shared by the commands that work on a selection of servers. */
final class ServerOptions {
    @Mixin
    AppOption app = new AppOption();
    @Option(names = "--server", paramLabel = "NAME", description = "Only this server (repeatable; NAME or APP/NAME).")
    List<String> servers = new ArrayList<>();

    List<ServerRef> select(Workspace ws) throws BadInputException {
        return Selection.select(ws, app.name, servers);
    }
}
