package dev.upkeep.cli;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns --app / --server (names or app/server) into servers of the workspace, refusing names it does not have. */
final class Selection {
    private Selection() {
    }

    static List<ServerRef> select(Workspace ws, String app, List<String> servers) throws BadInputException {
        if (app != null && ws.application(app).isEmpty()) {
            throw new BadInputException("no application '" + app + "' in " + ws.file()
                    + " (there are: " + ws.applications().stream().map(Application::name).toList() + ")");
        }
        List<ServerRef> candidates = new ArrayList<>();
        for (Application a : ws.applications()) {
            if (app != null && !a.name().equals(app)) {
                continue;
            }
            for (Server s : a.servers()) {
                candidates.add(new ServerRef(a.name(), s.name()));
            }
        }
        if (servers == null || servers.isEmpty()) {
            return candidates;
        }
        Set<ServerRef> chosen = new LinkedHashSet<>();
        for (String name : servers) {
            List<ServerRef> matches = candidates.stream().filter(r -> matches(r, name)).toList();
            if (matches.isEmpty()) {
                throw new BadInputException("no server '" + name + "'" + (app == null ? "" : " in application '" + app + "'"));
            }
            chosen.addAll(matches);
        }
        return List.copyOf(chosen);
    }

    private static boolean matches(ServerRef ref, String name) {
        return ref.server().equals(name) || ref.toString().equals(name);
    }
}
