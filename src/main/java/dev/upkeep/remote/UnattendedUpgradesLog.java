package dev.upkeep.remote;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads unattended-upgrades' own log ({@code /var/log/unattended-upgrades/unattended-upgrades.log}): one run from
 * each "Starting unattended upgrades script" line, with the origins it allowed, the packages it set out to upgrade and
 * how it ended. Its apt changes are in apt's history log; this says which runs were unattended-upgrades' and which
 * failed.
 */
final class UnattendedUpgradesLog {
    private static final Pattern LINE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2})[,.]\\d+ (\\w+) (.*)$");

    /**
     * @param result "installed", "nothing to do", "failed", or null when the log does not say (cut short, still running)
     */
    record Run(LocalDateTime start, LocalDateTime last, List<String> origins, List<String> packages, String result,
               String error) {
    }

    private final Consumer<Run> sink;
    private LocalDateTime start;
    private LocalDateTime last;
    private List<String> origins = List.of();
    private List<String> packages = List.of();
    private String result;
    private String error;

    UnattendedUpgradesLog(Consumer<Run> sink) {
        this.sink = sink;
    }

    void line(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return;
        }
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(m.group(1) + "T" + m.group(2));
        } catch (DateTimeParseException e) {
            return;
        }
        String level = m.group(3);
        String text = m.group(4).strip();
        if (text.startsWith("Starting unattended upgrades script")) {
            flush();
            start = at;
            last = at;
            return;
        }
        if (start == null) {
            return;
        }
        last = at;
        if (text.startsWith("Allowed origins are:")) {
            origins = split(text.substring("Allowed origins are:".length()), ", "); // each origin holds commas itself
        } else if (text.startsWith("Packages that will be upgraded:")) {
            packages = split(text.substring("Packages that will be upgraded:".length()), " ");
        } else if (text.startsWith("All upgrades installed")) {
            result = "installed";
        } else if (text.startsWith("No packages found")) {
            result = "nothing to do";
        } else if (level.equals("ERROR") || text.startsWith("Installing the upgrades failed")) {
            result = "failed";
            if (error == null) {
                error = text.length() > 500 ? text.substring(0, 500) + "…" : text;
            }
        }
    }

    void finish() {
        flush();
    }

    private void flush() {
        if (start != null) {
            sink.accept(new Run(start, last, origins, packages, result, error));
        }
        start = null;
        last = null;
        origins = List.of();
        packages = List.of();
        result = null;
        error = null;
    }

    private static List<String> split(String text, String by) {
        List<String> out = new ArrayList<>();
        Arrays.stream(text.split(by)).map(String::strip).filter(s -> !s.isEmpty()).limit(5000).forEach(out::add);
        return List.copyOf(out);
    }
}
