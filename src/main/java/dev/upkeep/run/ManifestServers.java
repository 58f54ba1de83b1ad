package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.manifest.ManifestDocument;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestReadException;
import dev.upkeep.manifest.ManifestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Registered servers of an application's Manifest.yml ({@code unique_name} + {@code address}) join the workspace's
 * servers, merged by name: a server the workspace names itself keeps the workspace's SSH settings.
 * A manifest that is missing or does not parse adds nothing (the manifest editor reports its problems).
 * It lives above both fleet and manifest, which know nothing of each other; the launcher hands {@link #store()} to
 * the command line and the window.
 */
public final class ManifestServers {
    private static final Logger log = LoggerFactory.getLogger(ManifestServers.class);

    private ManifestServers() {
    }

    /** A workspace store whose loaded workspaces include their manifests' registered servers. */
    public static WorkspaceStore store() {
        return new WorkspaceStore(ManifestServers::merge);
    }

    public static Workspace merge(Workspace ws) {
        List<Application> apps = new ArrayList<>();
        for (Application app : ws.applications()) {
            apps.add(app.manifest() == null ? app : merge(ws, app));
        }
        return ws.withApplications(apps);
    }

    private static Application merge(Workspace ws, Application app) {
        Path path = ws.resolve(app.manifest());
        if (!Files.isRegularFile(path)) {
            return app;
        }
        ManifestDocument doc;
        try {
            doc = ManifestDocument.parse(new ManifestFiles().open(path).text(), path.toString());
        } catch (ManifestReadException e) {
            log.warn("{}: not read for servers: {}", path, e.problem().format(path.toString()));
            return app;
        }
        if (!doc.isParsed()) {
            doc.syntaxProblems().stream().filter(p -> p.isError()).findFirst()
                    .ifPresent(p -> log.warn("{}: not read for servers", p.format(path.toString())));
            return app;
        }
        List<Server> servers = new ArrayList<>(app.servers());
        Set<String> names = new HashSet<>();
        servers.forEach(s -> names.add(s.name()));
        for (ManifestServer m : doc.servers(app.environment())) {
            if (!m.registered() || m.uniqueName() == null || !names.add(m.uniqueName())) {
                continue;
            }
            if (!Server.isPlain(m.uniqueName(), m.address())) {
                log.warn("{}:{}: server '{}' at '{}' skipped: not a plain name and address", path, m.line(), m.uniqueName(), m.address());
                continue;
            }
            servers.add(new Server(m.uniqueName(), m.address(), null, null, null, false, List.of(), true));
        }
        return app.withServers(servers);
    }
}
