package dev.upkeep.remote;

import dev.upkeep.history.PackageChange;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads apt's {@code /var/log/apt/history.log} line by line: blank-line separated entries of {@code Start-Date},
 * {@code Commandline}, {@code Requested-By}, {@code Install}/{@code Upgrade}/{@code Remove}/{@code Purge}/
 * {@code Downgrade}/{@code Reinstall} (package lists), {@code Error} and {@code End-Date}. Times are the server's local
 * time, as apt wrote them. Lines that fit no entry are skipped; an entry without a start date is dropped.
 */
final class AptHistoryLog {
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s+(\\d{2}:\\d{2}:\\d{2})");
    // "name:arch (1.0, 1.1)" — the name never holds a blank or a parenthesis, the versions never a parenthesis
    private static final Pattern PACKAGE = Pattern.compile("([^\\s,()]+) \\(([^()]*)\\)");
    private static final int MAX_PACKAGES = 20_000;

    /** One entry as apt wrote it; times in the server's local time. */
    record Entry(LocalDateTime start, LocalDateTime end, String commandline, String requestedBy,
                 List<PackageChange> changes, String error) {
    }

    private final Consumer<Entry> sink;
    private LocalDateTime start;
    private LocalDateTime end;
    private String commandline;
    private String requestedBy;
    private String error;
    private List<PackageChange> changes = new ArrayList<>();

    AptHistoryLog(Consumer<Entry> sink) {
        this.sink = sink;
    }

    void line(String line) {
        if (line.isBlank()) {
            flush();
            return;
        }
        int colon = line.indexOf(": ");
        if (colon < 0) {
            return;
        }
        String key = line.substring(0, colon);
        String value = line.substring(colon + 2).strip();
        switch (key) {
            case "Start-Date" -> {
                flush(); // a new entry even without a blank line before it (a log cut short)
                start = date(value);
            }
            case "End-Date" -> end = date(value);
            case "Commandline" -> commandline = cut(value);
            case "Requested-By" -> requestedBy = cut(value);
            case "Error" -> error = cut(value);
            case "Install" -> packages(PackageChange.Action.INSTALL, value);
            case "Upgrade" -> packages(PackageChange.Action.UPGRADE, value);
            case "Downgrade" -> packages(PackageChange.Action.DOWNGRADE, value);
            case "Reinstall" -> packages(PackageChange.Action.REINSTALL, value);
            case "Remove" -> packages(PackageChange.Action.REMOVE, value);
            case "Purge" -> packages(PackageChange.Action.PURGE, value);
            default -> {
            }
        }
    }

    /** The end of the file: its last entry has no blank line after it. */
    void finish() {
        flush();
    }

    private void flush() {
        if (start != null) {
            sink.accept(new Entry(start, end, commandline, requestedBy, List.copyOf(changes), error));
        }
        start = null;
        end = null;
        commandline = null;
        requestedBy = null;
        error = null;
        changes = new ArrayList<>();
    }

    private void packages(PackageChange.Action action, String list) {
        Matcher m = PACKAGE.matcher(list);
        while (m.find() && changes.size() < MAX_PACKAGES) {
            String full = m.group(1);
            int colon = full.indexOf(':');
            String name = colon < 0 ? full : full.substring(0, colon);
            String arch = colon < 0 ? null : full.substring(colon + 1);
            String[] parts = m.group(2).split(",\\s*");
            boolean automatic = parts.length > 1 && parts[parts.length - 1].equals("automatic");
            String first = parts[0].strip();
            String second = parts.length > 1 && !automatic ? parts[1].strip() : null;
            changes.add(switch (action) {
                case INSTALL -> new PackageChange(action, name, arch, null, first, automatic);
                case UPGRADE, DOWNGRADE -> new PackageChange(action, name, arch, first, second, false);
                case REINSTALL -> new PackageChange(action, name, arch, first, first, false);
                case REMOVE, PURGE -> new PackageChange(action, name, arch, first, null, false);
            });
        }
    }

    private static LocalDateTime date(String value) {
        Matcher m = DATE.matcher(value);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDateTime.parse(m.group(1) + "T" + m.group(2));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A command line or error can be as long as a shell allows: the start of it says enough. */
    private static String cut(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }
}
