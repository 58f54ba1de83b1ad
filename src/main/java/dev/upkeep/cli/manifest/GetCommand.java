package dev.upkeep.cli.manifest;

import dev.upkeep.manifest.ManifestDocument;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestReadException;
import dev.upkeep.manifest.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Print the value at a dotted PATH (a scalar without quotes; a mapping or list as written). Exit 2 if missing.")
class GetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the Manifest.yml")
    Path file;

    @Parameters(index = "1", paramLabel = "PATH", description = "e.g. production.docker.configuration.docker_version")
    String path;

    @Override
    public Integer call() {
        ManifestDocument doc;
        try {
            doc = ManifestDocument.parse(new ManifestFiles().open(file).text(), file.toString());
        } catch (ManifestReadException e) {
            return fail(e.problem().format(file.toString()));
        }
        if (!doc.isParsed()) {
            doc.syntaxProblems().stream().filter(Problem::isError)
                    .forEach(p -> spec.commandLine().getErr().println(p.format(file.toString())));
            return ManifestCommand.ERRORS;
        }
        Optional<String> value;
        try {
            value = doc.get(path).or(() -> doc.sourceText(path));
        } catch (IllegalArgumentException e) {
            return fail("upkeep manifest get: " + e.getMessage());
        }
        if (value.isEmpty()) {
            return fail("upkeep manifest get: " + path + " is not set in " + file);
        }
        spec.commandLine().getOut().println(value.get());
        spec.commandLine().getOut().flush();
        return ManifestCommand.OK;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println(message);
        spec.commandLine().getErr().flush();
        return ManifestCommand.ERRORS;
    }
}
