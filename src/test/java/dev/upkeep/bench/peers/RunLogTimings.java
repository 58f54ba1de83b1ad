package dev.upkeep.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where an {@code upgrade} run's time goes on each server, from the run's own history (one {@code fleet--srvNN.log}
 * per server: "INSTANT KIND text" lines): waiting in the queue, connecting (TCP, key exchange, authentication, the
 * start script) until the server's first output, then the job on the server and following it to its end. With the
 * process's "main" instant (its timing line), also the start-up between main and the first server queued.
 */
final class RunLogTimings {
    private static final Pattern MAIN = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*dev\\.upkeep\\.timing - process start to main: ");

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");

    private RunLogTimings() {
    }

    /**
     * Adds the phases of the one run under {@code runsDir} (a fresh HOME's {@code runs} folder) to {@code timings}.
     *
     * @param stderr the run's standard error with its timing lines (for main's instant), or null
     */
    static void add(TimingSummary timings, Path runsDir, Path stderr, ZoneId zone) throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.exists(runsDir) ? Files.walk(runsDir, 2) : Stream.empty()) {
            logs = files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        Instant firstQueued = null;
        for (Path log : logs) {
            Instant queued = null;
            Instant connecting = null;
            Instant firstOut = null;
            Instant end = null;
            for (String line : Files.readAllLines(log)) {
                String[] f = line.split(" ", 3);
                if (f.length < 3 || !INSTANT.matcher(f[0]).matches()) {
                    continue; // the rest of an output line cut by a carriage return (dpkg's progress)
                }
                Instant at = Instant.parse(f[0]);
                if (queued == null && f[1].equals("STP") && f[2].startsWith("queued")) {
                    queued = at;
                } else if (connecting == null && f[1].equals("STP") && f[2].startsWith("connecting")) {
                    connecting = at;
                } else if (firstOut == null && (f[1].equals("OUT") || f[1].equals("ERR"))) {
                    firstOut = at;
                } else if (f[1].equals("END")) {
                    end = at;
                }
            }
            if (queued == null || connecting == null || firstOut == null || end == null) {
                continue;
            }
            firstQueued = firstQueued == null || queued.isBefore(firstQueued) ? queued : firstQueued;
            timings.add("per server: queued to connecting", ms(queued, connecting));
            timings.add("per server: connecting to first output (TCP, key exchange, auth, start script)", ms(connecting, firstOut));
            timings.add("per server: first output to end (the job on the server, followed)", ms(firstOut, end));
        }
        LocalTime main = stderr == null ? null : mainAt(stderr);
        if (main != null && firstQueued != null) {
            LocalTime queued = LocalTime.ofInstant(firstQueued, zone);
            timings.add("main to the first server queued (picocli, workspace, plan, history, services)",
                    Duration.between(main, queued).toMillis());
        }
    }

    /** The wall-clock time of main, from the "process start to main" timing line (logged at main). */
    static LocalTime mainAt(Path stderr) throws IOException {
        for (String line : Files.readAllLines(stderr)) {
            Matcher m = MAIN.matcher(line);
            if (m.find()) {
                return LocalTime.parse(m.group(1));
            }
        }
        return null;
    }

    private static long ms(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }
}
