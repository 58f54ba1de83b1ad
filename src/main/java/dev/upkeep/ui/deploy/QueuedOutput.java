package dev.upkeep.ui.deploy;

import dev.upkeep.run.RunEvent;
import dev.upkeep.run.ServerRef;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the output lines waiting for the FX thread. A server printing faster than the window can draw would
 * otherwise pile lines up in memory; past the bound its lines are counted instead of queued, and a note saying how
 * many were left out goes into its pane when lines are taken again (or when it finishes). The run's log on disk
 * is written from the run's own events and keeps them all.
 */
final class QueuedOutput {
    static final int MAX_LINES = 200_000;
    static final long MAX_CHARS = 32L << 20;

    /** Stands in the queue for lines that were left out. */
    record Dropped(ServerRef server, long lines) {
        String note() {
            return "upkeep: … " + String.format(Locale.ROOT, "%,d", lines) + (lines == 1 ? " line" : " lines")
                    + " not shown here (the window could not keep up);"
                    + " the run's log on disk has them";
        }
    }

    private final AtomicInteger lines = new AtomicInteger();
    private final AtomicLong chars = new AtomicLong();
    private final Map<ServerRef, AtomicLong> dropped = new ConcurrentHashMap<>();

    /** Any thread: what to queue for {@code event}, in order; empty when its line is left out. */
    List<Object> admit(RunEvent event) {
        if (event instanceof RunEvent.Output o) {
            int len = o.line().length();
            if (lines.incrementAndGet() > MAX_LINES || chars.addAndGet(len) > MAX_CHARS) {
                lines.decrementAndGet();
                chars.addAndGet(-len);
                dropped.computeIfAbsent(o.server(), k -> new AtomicLong()).incrementAndGet();
                return List.of();
            }
            return withNote(o.server(), event);
        }
        if (event instanceof RunEvent.ServerFinished f) {
            return withNote(f.result().server(), event);
        }
        return List.of(event);
    }

    /** FX thread: an output line left the queue. */
    void taken(RunEvent.Output o) {
        lines.decrementAndGet();
        chars.addAndGet(-o.line().length());
    }

    int queuedLines() {
        return lines.get();
    }

    private List<Object> withNote(ServerRef server, RunEvent event) {
        AtomicLong d = dropped.get(server);
        long n = d == null ? 0 : d.getAndSet(0);
        return n == 0 ? List.of(event) : List.of(new Dropped(server, n), event);
    }
}
