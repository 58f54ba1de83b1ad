package dev.upkeep.run;

import dev.upkeep.files.BoundedRead;
import dev.upkeep.files.PrivateDirectories;
import dev.upkeep.files.PrivateFiles;
import dev.upkeep.fleet.Paths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Past runs on the user's machine: {@code <stateDir>/runs/<run id>/} holds summary.json and one log per server
 * (every line, timestamped, stream marked). A run's folder is created new; an existing one is never reused. All of it
 * is private to the user (folders 0700, files 0600).
 */
public final class RunHistory {
    private static final Logger log = LoggerFactory.getLogger(RunHistory.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    /** A summary lists servers and packages: far below this even for thousands of servers. */
    static final long MAX_SUMMARY_BYTES = 32L * 1024 * 1024;

    private final Path runs;

    /** @param stateDir Upkeep's state directory (tests pass a temporary one) */
    public RunHistory(Path stateDir) {
        this.runs = stateDir.resolve("runs");
    }

    public static RunHistory inStateDir() {
        return new RunHistory(Paths.stateDir());
    }

    public Path directory() {
        return runs;
    }

    /**
     * Starts recording a run: attach the returned listener to it. Fails when the run's folder already exists, or
     * when not even the first summary fits on the disk (then no folder is left behind). Every folder is 0700 and
     * every file 0600: the logs hold whatever the servers printed.
     */
    public HistoryRecorder record(RunPlan plan) throws IOException {
        PrivateFiles.createDirectories(runs);
        // the start-up check made them private; this catches a folder opened up since, or a caller without it
        PrivateDirectories.tighten(runs.getParent(), true);
        PrivateDirectories.tighten(runs, true);
        Path dir = PrivateFiles.createDirectory(runs.resolve(checked(plan.id())));
        try {
            return new HistoryRecorder(dir, plan);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Every readable run, newest first. */
    public List<RunSummary> list() throws IOException {
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<RunSummary> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path dir : dirs.sorted(Comparator.reverseOrder()).toList()) {
                read(dir).ifPresent(all::add);
            }
        }
        return all;
    }

    public Optional<RunSummary> load(String id) {
        return read(runs.resolve(checked(id)));
    }

    /** The log file of one server of a run (it may not exist: the server never started). */
    public Path logFile(String id, ServerRef server) {
        return runs.resolve(checked(id)).resolve(HistoryRecorder.fileName(server));
    }

    private static Optional<RunSummary> read(Path dir) {
        Path file = dir.resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SummaryJson.read(SummaryJson.MAPPER.readTree(BoundedRead.read(file, MAX_SUMMARY_BYTES))));
        } catch (IOException | RuntimeException e) {
            log.warn("Skipping unreadable run summary {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static String checked(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a run id: " + id);
        }
        return id;
    }
}
