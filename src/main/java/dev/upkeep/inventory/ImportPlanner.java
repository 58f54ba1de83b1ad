package dev.upkeep.inventory;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares what a file offers with the workspace. A server of the same name in the same application takes what the
 * file states (fields the file leaves out are kept, groups are added to, never dropped), or is left alone when
 * nothing differs. A new server
 * whose SSH endpoint (host:port after ~/.ssh/config) is already some server's is a duplicate and skipped, as is a
 * name the import meets twice. Everything else is added; an application the workspace lacks is created.
 */
public final class ImportPlanner {
    private ImportPlanner() {
    }

    public static ImportPreview preview(Workspace ws, ImportSource source) {
        return preview(ws, source, Endpoints.of(ws));
    }

    static ImportPreview preview(Workspace ws, ImportSource source, Endpoints endpoints) {
        Map<String, String> taken = new HashMap<>(); // endpoint → "app/name"
        for (Application a : ws.applications()) {
            for (Server s : a.servers()) {
                taken.putIfAbsent(endpoints.of(s), a.name() + "/" + s.name());
            }
        }
        List<ImportPreview.Added> added = new ArrayList<>();
        List<ImportPreview.Changed> changed = new ArrayList<>();
        List<ImportSkip> skipped = new ArrayList<>(source.skipped());
        Set<String> seen = new LinkedHashSet<>();
        Set<String> newApps = new LinkedHashSet<>();
        for (ImportCandidate c : source.candidates()) {
            Server s = c.server();
            String ref = c.application() + "/" + s.name();
            if (!seen.add(ref)) {
                skipped.add(new ImportSkip(c.application(), s.name(), c.source(), "named twice in this import: imported once"));
                continue;
            }
            Server existing = ws.application(c.application()).flatMap(a -> a.servers().stream()
                    .filter(x -> x.name().equals(s.name())).findFirst()).orElse(null);
            if (existing != null) {
                Server after = merged(existing, s);
                List<String> diff = differences(existing, after);
                if (diff.isEmpty()) {
                    skipped.add(new ImportSkip(c.application(), s.name(), c.source(), "already in the workspace, the same"));
                } else {
                    changed.add(new ImportPreview.Changed(c.application(), existing, after, c.source(), diff));
                }
                continue;
            }
            String endpoint = endpoints.of(s);
            String other = taken.get(endpoint);
            if (other != null) {
                skipped.add(new ImportSkip(c.application(), s.name(), c.source(), "same host and port as " + other + " (" + endpoint + ")"));
                continue;
            }
            taken.put(endpoint, ref);
            if (ws.application(c.application()).isEmpty()) {
                newApps.add(c.application());
            }
            added.add(new ImportPreview.Added(c.application(), s, c.source()));
        }
        return new ImportPreview(source, added, changed, skipped, new ArrayList<>(newApps));
    }

    /**
     * What the file states over what the workspace has: a field the file leaves out (no port, no user, no become) is
     * kept, groups are joined. A manifest's server becomes the workspace's own.
     */
    private static Server merged(Server existing, Server imported) {
        Set<String> groups = new LinkedHashSet<>(existing.groups());
        groups.addAll(imported.groups());
        return new Server(existing.name(), imported.host(),
                imported.port() != null ? imported.port() : existing.port(),
                imported.user() != null ? imported.user() : existing.user(),
                imported.identityFile() != null ? imported.identityFile() : existing.identityFile(),
                imported.sudo() || existing.sudo(), List.copyOf(groups), false);
    }

    private static List<String> differences(Server a, Server b) {
        List<String> d = new ArrayList<>();
        diff(d, "host", a.host(), b.host());
        diff(d, "port", a.port(), b.port());
        diff(d, "user", a.user(), b.user());
        diff(d, "identityFile", a.identityFile(), b.identityFile());
        diff(d, "sudo", a.sudo(), b.sudo());
        if (!a.groups().equals(b.groups())) {
            d.add("groups " + a.groups() + " → " + b.groups());
        }
        if (a.fromManifest()) {
            d.add("kept in the workspace (until now only in the manifest)");
        }
        return d;
    }

    private static void diff(List<String> out, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(what + " " + (before == null ? "(none)" : before) + " → " + (after == null ? "(none)" : after));
        }
    }
}
