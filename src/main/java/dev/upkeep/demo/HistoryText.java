package dev.upkeep.demo;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A simulated server's logs as files: apt's history log and unattended-upgrades' log, each rotated monthly by
 * logrotate ({@code notifempty}, {@code compress}: the current file, then {@code .1.gz}, {@code .2.gz}… for the
 * months that had entries). The demo's servers run in UTC.
 */
final class HistoryText {
    static final DateTimeFormatter APT = DateTimeFormatter.ofPattern("yyyy-MM-dd  HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UU = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS").withZone(ZoneOffset.UTC);

    private HistoryText() {
    }

    /** One log file: its path, when it was last written, and its lines. */
    record LogFile(String path, Instant modified, List<String> lines) {
    }

    /** The current file first (always there, maybe empty), then the rotated ones, newest first. */
    static <T> List<LogFile> rotations(String path, List<T> items, Function<T, Instant> start, Function<T, Instant> end,
                                       Function<T, List<String>> text, Instant now) {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        TreeMap<YearMonth, List<T>> byMonth = new TreeMap<>();
        for (T item : items) {
            byMonth.computeIfAbsent(YearMonth.from(start.apply(item).atZone(ZoneOffset.UTC)), k -> new ArrayList<>()).add(item);
        }
        List<LogFile> files = new ArrayList<>();
        files.add(file(path, byMonth.getOrDefault(current, List.of()), end, text, now));
        int n = 1;
        for (Map.Entry<YearMonth, List<T>> month : byMonth.descendingMap().entrySet()) {
            if (!month.getKey().isBefore(current)) {
                continue;
            }
            files.add(file(path + "." + n + ".gz", month.getValue(), end, text, null));
            n++;
        }
        return files;
    }

    private static <T> LogFile file(String path, List<T> items, Function<T, Instant> end, Function<T, List<String>> text,
                                    Instant fallback) {
        List<String> lines = new ArrayList<>();
        Instant modified = fallback;
        for (T item : items) {
            lines.addAll(text.apply(item));
            Instant e = end.apply(item);
            if (modified == null || e.isAfter(modified)) {
                modified = e;
            }
        }
        return new LogFile(path, modified, lines);
    }

    /** An entry as apt writes it: a blank line, then its fields. */
    static List<String> apt(AptEntry e) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("Start-Date: " + APT.format(e.start()));
        out.add("Commandline: " + e.commandline());
        if (e.requestedBy() != null) {
            out.add("Requested-By: " + e.requestedBy());
        }
        List<String> installs = new ArrayList<>();
        List<String> upgrades = new ArrayList<>();
        for (AptEntry.Change c : e.changes()) {
            String name = c.pkg() + ":amd64";
            if (c.from() == null) {
                installs.add(name + " (" + c.to() + ")");
            } else {
                upgrades.add(name + " (" + c.from() + ", " + c.to() + ")");
            }
        }
        if (!installs.isEmpty()) {
            out.add("Install: " + String.join(", ", installs));
        }
        if (!upgrades.isEmpty()) {
            out.add("Upgrade: " + String.join(", ", upgrades));
        }
        if (e.error() != null) {
            out.add("Error: " + e.error());
        }
        out.add("End-Date: " + APT.format(e.end()));
        return out;
    }

    /** A run's lines in unattended-upgrades.log that history-read.sh keeps (it greps for these). */
    static List<String> unattended(UnattendedRun r) {
        List<String> out = new ArrayList<>();
        out.add(UU.format(r.start()) + " INFO Starting unattended upgrades script");
        out.add(UU.format(r.start()) + " INFO Allowed origins are: " + r.origins());
        if (r.packages().isEmpty()) {
            out.add(UU.format(r.end()) + " INFO No packages found that can be upgraded unattended and no pending auto-removals");
            return out;
        }
        out.add(UU.format(r.start().plusSeconds(2)) + " INFO Packages that will be upgraded: " + String.join(" ", r.packages()));
        if (r.failed()) {
            out.add(UU.format(r.end()) + " ERROR Installing the upgrades failed!");
            out.add(UU.format(r.end()) + " ERROR error message: installArchives() failed");
        } else {
            out.add(UU.format(r.end()) + " INFO All upgrades installed");
        }
        return out;
    }
}
