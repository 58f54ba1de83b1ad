package dev.upkeep.cli.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestReadException;
import dev.upkeep.manifest.ManifestValidator;
import dev.upkeep.manifest.OpenedManifest;
import dev.upkeep.manifest.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "List problems with line and column. Exit 0 clean, 1 warnings only, 2 errors or unreadable.")
class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the Manifest.yml")
    Path file;

    @Option(names = "--json", description = "print the problems as JSON")
    boolean json;

    @Override
    public Integer call() {
        List<Problem> problems;
        try {
            OpenedManifest opened = new ManifestFiles().open(file);
            problems = new ManifestValidator().validate(opened.text(), file.getFileName().toString());
        } catch (ManifestReadException e) {
            problems = List.of(e.problem());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(problems));
        } else {
            problems.forEach(p -> out.println(p.format(file.toString())));
            long errors = problems.stream().filter(Problem::isError).count();
            out.println(file + ": " + errors + " error(s), " + (problems.size() - errors) + " warning(s)");
        }
        out.flush();
        return exitCode(problems);
    }

    static int exitCode(List<Problem> problems) {
        if (problems.stream().anyMatch(Problem::isError)) {
            return ManifestCommand.ERRORS;
        }
        return problems.isEmpty() ? ManifestCommand.OK : ManifestCommand.WARNINGS;
    }

    private String toJson(List<Problem> problems) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", file.toString());
        doc.put("errors", problems.stream().filter(Problem::isError).count());
        doc.put("warnings", problems.stream().filter(p -> !p.isError()).count());
        doc.put("problems", problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", p.severity().name().toLowerCase());
            m.put("line", p.line());
            m.put("column", p.column());
            m.put("message", p.message());
            m.put("path", p.path());
            return m;
        }).toList());
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }
}
