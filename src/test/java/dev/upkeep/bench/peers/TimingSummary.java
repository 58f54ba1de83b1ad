package dev.upkeep.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a cold command ({@code status --json}, {@code upgrade}) spends its time, from the {@code dev.upkeep.timing}
 * debug lines of its rounds (the CLI run with {@code -Dupkeep.timing=DEBUG}): process-wide phases once per run,
 * per-server phases once per server; the refresh's split only where the command refreshes. Medians over all of them, and the slowest server's.
 */
final class TimingSummary {
    private static final Pattern VALUE = Pattern.compile("([a-z_+]+)_ms=(\\d+)");
    private static final Pattern MAIN = Pattern.compile("process start to main: (\\d+) ms");
    private static final Pattern EXIT = Pattern.compile("process start to exit: (\\d+) ms");
    private static final Pattern REFRESH = Pattern.compile("refresh of \\d+ servers (\\d+) ms, output (\\d+) ms");
    private final Map<String, List<Long>> values = new LinkedHashMap<>();

    void addRun(Path stderr) throws IOException {
        Long main = null;
        Long exit = null;
        Long refresh = null;
        Long output = null;
        for (String line : Files.readAllLines(stderr)) {
            if (!line.contains("dev.upkeep.timing")) {
                continue;
            }
            Matcher m = MAIN.matcher(line);
            if (m.find()) {
                main = Long.parseLong(m.group(1));
            }
            m = EXIT.matcher(line);
            if (m.find()) {
                exit = Long.parseLong(m.group(1));
            }
            m = REFRESH.matcher(line);
            if (m.find()) {
                refresh = Long.parseLong(m.group(1));
                output = Long.parseLong(m.group(2));
            }
            m = VALUE.matcher(line);
            while (m.find()) {
                add("per server: " + m.group(1).replace('_', ' '), Long.parseLong(m.group(2)));
            }
        }
        if (main != null) {
            add("process start to main (JVM start, class loading of the launcher)", main);
        }
        if (main != null && exit != null && refresh != null) {
            add("main to refresh start and after output to exit (picocli, workspace, services, shutdown)",
                    exit - main - refresh - output);
            add("refresh, all servers (wall)", refresh);
            add("output (JSON)", output);
        } else if (main != null && exit != null) {
            add("main to exit (the command: workspace, connections, the run, shutdown)", exit - main);
        }
        if (exit != null) {
            add("process start to exit", exit);
        }
    }

    void add(String key, long ms) {
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(ms);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder("| phase | median | slowest |\n|---|---|---|\n");
        values.forEach((k, v) -> {
            List<Long> s = new ArrayList<>(v);
            Collections.sort(s);
            sb.append(String.format(Locale.ROOT, "| %s | %d ms | %d ms |%n", k, s.get(s.size() / 2), s.get(s.size() - 1)));
        });
        return sb.toString();
    }

    boolean isEmpty() {
        return values.isEmpty();
    }
}
