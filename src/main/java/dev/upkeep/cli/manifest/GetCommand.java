package dev.upkeep.cli.manifest;

import dev.upkeep.manifest.ManifestDocument;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestReadException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Print the value at a dotted PATH (a scalar without quotes; a mapping or list as written). Exit 2 if missing.")
class GetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ManifestValueArgs args = new ManifestValueArgs();

    @Override
    public Integer call() {
        ManifestDocument doc;
        try {
            doc = args.parse(new ManifestFiles().open(args.file));
        } catch (ManifestReadException e) {
            return fail(e.problem().format(args.file.toString()));
        }
        if (!doc.isParsed()) {
            args.syntaxErrors(doc).forEach(spec.commandLine().getErr()::println);
            return ManifestCommand.ERRORS;
        }
        String path = args.path;
        Optional<String> value;
        try {
            value = doc.get(path).or(() -> doc.sourceText(path));
        } catch (IllegalArgumentException e) {
            return fail("upkeep manifest get: " + e.getMessage());
        }
        if (value.isEmpty()) {
            return fail("upkeep manifest get: " + path + " is not set in " + args.file);
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
