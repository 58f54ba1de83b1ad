package dev.upkeep.inventory;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import would do to a workspace, shown before anything is written: the servers it adds, the ones it
 * changes (with what changes), the ones it leaves out and why, the applications it creates, the variables it does
 * not honour and the reader's warnings. {@link #apply} makes the new workspace.
 */
public record ImportPreview(ImportSource source, List<Added> added, List<Changed> changed, List<ImportSkip> skipped,
                            List<String> newApplications) {
    public ImportPreview {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        skipped = List.copyOf(skipped);
        newApplications = List.copyOf(newApplications);
    }

    public record Added(String application, Server server, String source) {
    }

    /** @param differences in words: "host 10.0.0.5 → 10.0.0.6" */
    public record Changed(String application, Server before, Server after, String source, List<String> differences) {
        public Changed {
            differences = List.copyOf(differences);
        }
    }

    /** True when applying it would leave the workspace as it is. */
    public boolean changesNothing() {
        return added.isEmpty() && changed.isEmpty();
    }

    public List<UnusedVariable> unused() {
        return source.unused();
    }

    public List<String> warnings() {
        return source.warnings();
    }

    /** The workspace with the servers added and changed (new applications last, in the order first met). */
    public Workspace apply(Workspace ws) {
        Map<String, List<Server>> byApp = new LinkedHashMap<>();
        for (Application a : ws.applications()) {
            byApp.putIfAbsent(a.name(), new ArrayList<>(a.servers()));
        }
        for (Changed c : changed) {
            List<Server> servers = byApp.get(c.application());
            for (int i = 0; i < servers.size(); i++) {
                if (servers.get(i).name().equals(c.before().name())) {
                    servers.set(i, c.after());
                }
            }
        }
        for (Added a : added) {
            byApp.computeIfAbsent(a.application(), k -> new ArrayList<>()).add(a.server());
        }
        List<Application> apps = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Application a : ws.applications()) {
            // a second application of the same name (another environment) keeps its servers
            apps.add(done.add(a.name()) ? a.withServers(byApp.get(a.name())) : a);
        }
        for (String name : newApplications) {
            apps.add(new Application(name, null, null, null, byApp.get(name)));
        }
        return ws.withApplications(apps);
    }
}
