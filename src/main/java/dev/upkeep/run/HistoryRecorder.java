package dev.upkeep.run;

import dev.upkeep.base.Threads;
import dev.upkeep.files.AtomicFile;
import dev.upkeep.files.DiskFullException;
import dev.upkeep.files.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes one run into its history folder as the events arrive: each server's lines to its log (buffered, flushed
 * every second, when the server finishes and at the end), summary.json at the start and at the end (atomically and
 * durably: a full disk at the end leaves the start's summary). Files are created 0600. A write that fails does not
 * stop the run: the first failure is logged and kept for {@link #failure()}, later ones only at debug level.
 */
public final class HistoryRecorder implements RunListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HistoryRecorder.class);

    private final Path dir;
    private final Map<ServerRef, BufferedWriter> writers = new HashMap<>();
    private final Map<ServerRef, String> files = new LinkedHashMap<>();
    private final Set<ServerRef> finished = new HashSet<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(Threads.named("upkeep-history"));
    private final RunPlan plan;
    private volatile String failure;

    HistoryRecorder(Path dir, RunPlan plan) throws IOException {
        this.dir = dir;
        this.plan = plan;
        for (ServerPlan s : plan.servers()) {
            files.put(s.ref(), fileName(s.ref()));
        }
        writeSummary(new RunSummary(plan.id(), System.getProperty("user.name"), plan.created(), null, plan.options(),
                plan.servers().stream().map(ServerPlan::ref).toList(), List.of()));
        flusher.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
    }

    public Path directory() {
        return dir;
    }

    /** The first write that failed (it names the file: "disk full: …/summary.json …"), if any did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void failed(String what, IOException e) {
        String text = e instanceof DiskFullException ? e.getMessage()
                : (DiskFullException.isDiskFull(e) ? "disk full: " : "") + what + ": " + e.getMessage();
        if (failure == null) {
            failure = text;
            log.warn("Cannot write the history of run {}: {}", plan.id(), text);
        } else {
            log.debug("Cannot write the history of run {}: {}", plan.id(), text);
        }
    }

    static String fileName(ServerRef ref) {
        return (ref.application() + "--" + ref.server()).replaceAll("[^A-Za-z0-9._-]", "_") + ".log";
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        try {
            if (event instanceof RunEvent.Output o) {
                write(o.server(), o.at(), o.isError() ? "ERR" : "OUT", o.line());
            } else if (event instanceof RunEvent.StepChanged s) {
                write(s.server(), s.at(), "STP", s.step().label() + (s.detail() == null ? "" : ": " + s.detail()));
            } else if (event instanceof RunEvent.BatchStarted b) {
                for (ServerRef r : b.servers()) {
                    write(r, b.at(), "RUN", "batch " + b.number() + " of " + b.batches() + " started");
                }
            } else if (event instanceof RunEvent.Stopping s) {
                unfinished(s.at(), "stopping: " + s.reason());
            } else if (event instanceof RunEvent.Cancelling c) {
                unfinished(c.at(), c.stopWaiting() ? "stopped waiting: servers mid-reboot are left unverified"
                        : "cancelled: no new server starts; running servers reach a safe point");
            } else if (event instanceof RunEvent.Paused p) {
                unfinished(p.at(), "paused: " + p.detail());
            } else if (event instanceof RunEvent.Resumed r) {
                unfinished(r.at(), "resumed");
            } else if (event instanceof RunEvent.ServerFinished f) {
                ServerResult r = f.result();
                finished.add(r.server());
                write(r.server(), f.at(), "END", r.outcome().label() + " in " + r.duration().toMillis() + " ms: " + r.message());
                writers.get(r.server()).flush();
            } else if (event instanceof RunEvent.RunFinished f) {
                writeSummary(f.summary());
                close();
            }
        } catch (IOException e) {
            failed("the run's history in " + dir, e);
        }
    }

    /** A run-wide event, in the log of every server that has not finished: each log tells its server's whole story. */
    private void unfinished(Instant at, String line) throws IOException {
        for (ServerRef ref : files.keySet()) {
            if (!finished.contains(ref)) {
                write(ref, at, "RUN", line);
            }
        }
    }

    private void write(ServerRef ref, Instant at, String kind, String line) throws IOException {
        BufferedWriter w = writers.get(ref);
        if (w == null) {
            w = new BufferedWriter(new OutputStreamWriter(PrivateFiles.createNew(dir.resolve(files.getOrDefault(ref, fileName(ref)))),
                    StandardCharsets.UTF_8));
            writers.put(ref, w);
        }
        w.write(at.toString());
        w.write(' ');
        w.write(kind);
        w.write(' ');
        w.write(line);
        w.write('\n');
    }

    private void writeSummary(RunSummary summary) throws IOException {
        AtomicFile.write(dir.resolve("summary.json"), SummaryJson.MAPPER.writeValueAsBytes(SummaryJson.write(summary, files)),
                AtomicFile.Mode.PRIVATE);
    }

    private synchronized void flush() {
        for (BufferedWriter w : writers.values()) {
            try {
                w.flush();
            } catch (IOException e) {
                failed("a server's log in " + dir, e);
            }
        }
    }

    @Override
    public synchronized void close() {
        flusher.shutdownNow();
        List<BufferedWriter> all = new ArrayList<>(writers.values());
        writers.clear();
        for (BufferedWriter w : all) {
            try {
                w.close();
            } catch (IOException e) {
                failed("a server's log in " + dir, e);
            }
        }
    }
}
