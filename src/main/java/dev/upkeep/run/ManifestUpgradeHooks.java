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
import java.util.List;

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
        return procedures(ws, app, docker, !docker).get(0);
    }

    /**
     * The Docker and/or Weave procedures a run makes for this application's servers, read and checked by the same
     * rules (an exported playbook uses their versions, URL and checksum).
     *
     * @throws IllegalArgumentException naming the file or the application when the manifest cannot give them
     */
    public static List<Procedure> procedures(Workspace ws, Application app, boolean docker, boolean weave) {
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
        var procedures = new DockerWeaveProcedures(DockerWeaveProcedures.Options.of(docker, weave, false, ws.settings()));
        try {
            return procedures.forApplication(doc, app.environment());
        } catch (UpgradeTargetsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
