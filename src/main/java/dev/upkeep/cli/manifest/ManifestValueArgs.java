package dev.upkeep.cli.manifest;

import dev.upkeep.manifest.ManifestDocument;
import dev.upkeep.manifest.OpenedManifest;
import dev.upkeep.manifest.Problem;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** FILE and PATH of {@code get} and {@code set} (a mixin): which Manifest.yml, and where in it. */
final class ManifestValueArgs {
    @Parameters(index = "0", paramLabel = "FILE", description = "the Manifest.yml")
    Path file;

    @Parameters(index = "1", paramLabel = "PATH", description = "e.g. production.docker.configuration.docker_version")
    String path;

    ManifestDocument parse(OpenedManifest opened) {
        return ManifestDocument.parse(opened.text(), file.toString());
    }

    /** Why a document does not parse: its syntax errors, each with this file, line and column. */
    List<String> syntaxErrors(ManifestDocument doc) {
        return doc.syntaxProblems().stream().filter(Problem::isError).map(p -> p.format(file.toString())).toList();
    }
}
