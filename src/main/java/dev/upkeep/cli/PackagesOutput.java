package dev.upkeep.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.upkeep.debian.PackageFinding;
import dev.upkeep.report.ReportFormats;
import dev.upkeep.run.PackageExposure;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** {@code upkeep packages} as a table, CSV (RFC 4180) or JSON: one row per server and package. */
final class PackagesOutput {
    static final List<String> COLUMNS = List.of("application", "server", "package", "source", "installed", "candidate",
            "security", "exposed", "error");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private PackagesOutput() {
    }

    /** Unknown is null, never false: a server that did not answer has its names and the error. */
    record Row(String application, String server, @JsonProperty("package") String packageName, String source, String installed,
               String candidate, Boolean security, Boolean exposed, String error) {
    }

    static Row row(PackageExposure e) {
        PackageFinding f = e.finding();
        return new Row(e.server().application(), e.server().server(), f == null ? null : f.name(),
                f == null ? null : f.source(), f == null || !f.isInstalled() ? null : f.installed(),
                f == null ? null : f.candidate(), f == null ? null : f.candidateSecurity(), e.exposed(), e.error());
    }

    private static List<String> cells(PackageExposure e, boolean asked) {
        Row r = row(e);
        return List.of(r.application, r.server, text(r.packageName), text(r.source),
                r.packageName == null ? "" : r.installed == null ? "not installed" : r.installed,
                text(r.candidate), r.security == null ? "" : r.security ? "yes" : "no", e.exposedText(asked), text(r.error));
    }

    static String table(List<PackageExposure> rows, boolean asked) {
        List<String> header = List.of("SERVER", "PACKAGE", "INSTALLED", "CANDIDATE", "SECURITY", "EXPOSED");
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        for (PackageExposure e : rows) {
            List<String> c = cells(e, asked);
            String pkg = e.error() != null ? "(no answer: " + e.error() + ")" : e.finding() == null ? "(none installed)" : c.get(2);
            lines.add(List.of(c.get(0) + "/" + c.get(1), pkg, c.get(4), c.get(5), c.get(6), c.get(7)));
        }
        int[] width = new int[header.size()];
        for (List<String> l : lines) {
            for (int i = 0; i < l.size() - 1; i++) {
                width[i] = Math.max(width[i], l.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> l : lines) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < l.size(); i++) {
                line.append(i < l.size() - 1 ? String.format("%-" + width[i] + "s  ", l.get(i)) : l.get(i));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static String csv(List<PackageExposure> rows, boolean asked) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (PackageExposure e : rows) {
            List<String> c = cells(e, asked);
            List<String> quoted = new ArrayList<>();
            for (int i : new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8}) {
                quoted.add(ReportFormats.field(i == 4 && e.finding() == null ? "" : c.get(i)));
            }
            out.append(String.join(",", quoted)).append("\r\n");
        }
        return out.toString();
    }

    static String json(List<PackageExposure> rows) {
        try {
            return MAPPER.writeValueAsString(rows.stream().map(PackagesOutput::row).toList()) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
