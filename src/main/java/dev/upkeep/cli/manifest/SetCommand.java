package dev.upkeep.cli.manifest;

import dev.upkeep.manifest.ChangedOnDiskException;
import dev.upkeep.manifest.ManifestDocument;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestReadException;
import dev.upkeep.manifest.ManifestValidator;
import dev.upkeep.manifest.OpenedManifest;
import dev.upkeep.manifest.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Set the value at a dotted PATH, changing only that value's characters (quoting kept; a missing "
                + "key is created with the file's indentation). The result is validated and written atomically, with "
                + "the previous version kept as FILE.bak.",
                "Refuses (exit 2, file untouched) if the value or the resulting file would not validate."})
class SetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ManifestValueArgs args = new ManifestValueArgs();

    @Parameters(index = "2", paramLabel = "VALUE", description = "the new value (written as the text given)")
    String value;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ManifestFiles files = new ManifestFiles();
        Path file = args.file;
        String path = args.path;
        try {
            OpenedManifest opened = files.open(file);
            ManifestDocument doc = args.parse(opened);
            if (!doc.isParsed()) {
                err.println("upkeep manifest set: refused, " + file + " does not parse:");
                args.syntaxErrors(doc).forEach(line -> err.println("  " + line));
                return ManifestCommand.ERRORS;
            }
            ManifestDocument edited = doc.set(path, value);
            List<Problem> problems = new ManifestValidator().validate(edited);
            if (problems.stream().anyMatch(Problem::isError)) {
                err.println("upkeep manifest set: refused, " + file + " would not validate:");
                problems.stream().filter(Problem::isError).forEach(p -> err.println("  " + p.format(file.toString())));
                return ManifestCommand.ERRORS;
            }
            problems.forEach(p -> err.println(p.format(file.toString())));
            if (!edited.text().equals(opened.text())) {
                files.save(opened, edited.text());
            }
            spec.commandLine().getOut().println(path + " = " + value);
            return ManifestCommand.OK;
        } catch (ManifestReadException e) {
            err.println(e.problem().format(file.toString()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("upkeep manifest set: refused: " + e.getMessage());
        } catch (ChangedOnDiskException e) {
            err.println("upkeep manifest set: " + file + " changed while it was being edited; nothing written");
        } catch (IOException e) {
            err.println("upkeep manifest set: could not write " + file + ": " + e.getMessage());
        } finally {
            err.flush();
            spec.commandLine().getOut().flush();
        }
        return ManifestCommand.ERRORS;
    }
}
