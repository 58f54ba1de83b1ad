package dev.upkeep.ui.edit;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Pure edits of the immutable workspace: each returns a new one, the rest untouched and in the same order. */
final class WorkspaceEdits {
    private WorkspaceEdits() {
    }

    static Workspace addApplication(Workspace ws, Application app) {
        List<Application> apps = new ArrayList<>(ws.applications());
        apps.add(app);
        return ws.withApplications(apps);
    }

    static Workspace addServer(Workspace ws, String application, Server server) {
        return changeServers(ws, application, servers -> {
            servers.add(server);
            return servers;
        });
    }

    /** Replaces the server called {@code oldName} in place, keeping its position in the file. */
    static Workspace replaceServer(Workspace ws, String application, String oldName, Server server) {
        return changeServers(ws, application, servers -> {
            servers.replaceAll(s -> s.name().equals(oldName) ? server : s);
            return servers;
        });
    }

    static Workspace removeServer(Workspace ws, String application, String name) {
        return changeServers(ws, application, servers -> {
            servers.removeIf(s -> s.name().equals(name));
            return servers;
        });
    }

    private static Workspace changeServers(Workspace ws, String application, UnaryOperator<List<Server>> change) {
        List<Application> apps = new ArrayList<>();
        for (Application a : ws.applications()) {
            if (a.name().equals(application)) {
                a = a.withServers(change.apply(new ArrayList<>(a.servers())));
            }
            apps.add(a);
        }
        return ws.withApplications(apps);
    }
}
