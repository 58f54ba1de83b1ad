package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;

import java.util.ArrayList;
import java.util.List;

/** Names one server of one application; the key of rows, events and logs. */
public record ServerRef(String application, String server) {
    public static List<ServerRef> all(Workspace workspace) {
        List<ServerRef> refs = new ArrayList<>();
        for (Application app : workspace.applications()) {
            for (Server s : app.servers()) {
                refs.add(new ServerRef(app.name(), s.name()));
            }
        }
        return refs;
    }

    @Override
    public String toString() {
        return application + "/" + server;
    }
}
