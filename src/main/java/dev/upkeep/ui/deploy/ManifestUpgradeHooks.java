package dev.upkeep.ui.deploy;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Settings;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.manifest.ManifestDocument;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestReadException;
import dev.upkeep.remote.DockerWeaveProcedures;
import dev.upkeep.remote.UpgradeTargetsException;
import dev.upkeep.run.ProcedureFactory;
import dev.upkeep.run.UpgradeHooks;

import java.nio.file.Path;

/**
 * Docker and Weave procedures from each application's Manifest.yml, read and validated while planning (so a bad
 * version refuses the whole run before any connection). Belongs in the core once the command line uses it too.
 */
public final class ManifestUpgradeHooks {
    private ManifestUpgradeHooks() {
    }

    public static UpgradeHooks create(ManifestFiles files) {
        return new UpgradeHooks(factory(files, true), factory(files, false));
    }

    private static ProcedureFactory factory(ManifestFiles files, boolean docker) {
        return (ws, app, server, options) -> {
            ManifestDocument doc = manifest(files, ws, app);
            String url = ws.settings() == null ? Settings.DEFAULT_WEAVE_DOWNLOAD_URL : ws.settings().weaveDownloadUrl();
            var procedures = new DockerWeaveProcedures(new DockerWeaveProcedures.Options(docker, !docker, false, url));
            try {
                return procedures.forApplication(doc, app.environment()).get(0);
            } catch (UpgradeTargetsException e) {
                throw new IllegalArgumentException(app.name() + ": " + e.getMessage(), e);
            }
        };
    }

    private static ManifestDocument manifest(ManifestFiles files, Workspace ws, Application app) {
        if (app.manifest() == null || app.manifest().isBlank()) {
            throw new IllegalArgumentException(app.name() + " has no Manifest.yml, so nothing says which Docker and Weave versions to install");
        }
        Path path = ws.resolve(app.manifest());
        try {
            return ManifestDocument.parse(files.open(path).text(), path.getFileName().toString());
        } catch (ManifestReadException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }
}
