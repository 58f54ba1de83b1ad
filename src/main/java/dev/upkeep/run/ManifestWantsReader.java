package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.manifest.ManifestDocument;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestReadException;
import dev.upkeep.manifest.ManifestServer;
import dev.upkeep.manifest.Problem;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the manifests of a workspace's applications (file I/O: call it off the FX thread). Never throws for a bad
 * manifest: a missing, unreadable or broken file gives a {@link ManifestWants} with a note instead of versions.
 */
public final class ManifestWantsReader {
    private final ManifestFiles files;

    public ManifestWantsReader(ManifestFiles files) {
        this.files = files;
    }

    /** By application name; applications without {@code manifest:} are absent. */
    public Map<String, ManifestWants> read(Workspace ws) {
        Map<String, ManifestWants> out = new HashMap<>();
        for (Application app : ws.applications()) {
            if (app.manifest() == null || app.manifest().isBlank()) {
                continue;
            }
            Path path = ws.resolve(app.manifest());
            out.put(app.name(), read(path, app.environment()));
        }
        return out;
    }

    public ManifestWants read(Path path, String environment) {
        ManifestDocument doc;
        try {
            doc = ManifestDocument.parse(files.open(path).text(), path.getFileName().toString());
        } catch (ManifestReadException e) {
            return ManifestWants.unreadable(path, e.problem().message());
        } catch (RuntimeException e) {
            return ManifestWants.unreadable(path, String.valueOf(e.getMessage()));
        }
        if (!doc.isParsed()) {
            Problem p = doc.syntaxProblems().isEmpty() ? null : doc.syntaxProblems().get(0);
            return ManifestWants.unreadable(path, p == null ? "does not parse" : "line " + p.line() + ": " + p.message());
        }
        if (environment == null && doc.environments().size() > 1) {
            return ManifestWants.unreadable(path, "the manifest has several environments and the application names none");
        }
        if (environment != null && doc.hasEnvironmentRoot() && !doc.environments().contains(environment)) {
            return ManifestWants.unreadable(path, "no environment '" + environment + "' in the manifest");
        }
        Set<String> dockerServers = doc.servers(environment).stream()
                .filter(s -> s.uniqueName() != null && "docker".equals(s.componentType()))
                .map(ManifestServer::uniqueName).collect(Collectors.toSet());
        return new ManifestWants(path, doc.dockerVersion(environment).orElse(null), doc.weaveVersion(environment).orElse(null),
                dockerServers, null);
    }
}
