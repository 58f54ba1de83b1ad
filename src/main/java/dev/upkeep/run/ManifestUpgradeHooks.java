package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.manifest.ManifestDocument;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestReadException;
import dev.upkeep.remote.DockerWeaveProcedures;
import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.UpgradeTargetsException;

import java.nio.file.Path;

/**
 * Docker and Weave upgrades read their versions from the application's Manifest.yml; a missing manifest, a missing
 * version or a bad one refuses the run before anything connects (the message names the file).
 */
public final class ManifestUpgradeHooks {
    private ManifestUpgradeHooks() {
    }

    public static UpgradeHooks create() {
        return new UpgradeHooks(
                (ws, app, server, options) -> procedure(ws, app, true),
                (ws, app, server, options) -> procedure(ws, app, false));
    }

    private static Procedure procedure(Workspace ws, Application app, boolean docker) {
        if (app.manifest() == null) {
            throw new IllegalArgumentException("application '" + app.name() + "' has no manifest in " + ws.file()
                    + " (add 'manifest: path/to/Manifest.yml'): its Docker and Weave versions come from there");
        }
        Path file = ws.resolve(app.manifest());
        ManifestDocument doc;
        try {
            doc = ManifestDocument.parse(new ManifestFiles().open(file).text(), file.toString());
        } catch (ManifestReadException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        if (!doc.isParsed()) {
            throw new IllegalArgumentException(doc.syntaxProblems().stream().filter(p -> p.isError()).findFirst()
                    .map(p -> p.format(file.toString())).orElse(file + ": does not parse"));
        }
        var procedures = new DockerWeaveProcedures(DockerWeaveProcedures.Options.of(docker, !docker, false, ws.settings()));
        try {
            return procedures.forApplication(doc, app.environment()).get(0);
        } catch (UpgradeTargetsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
