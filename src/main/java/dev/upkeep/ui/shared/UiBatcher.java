package dev.upkeep.ui.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects events from any number of worker threads and hands them to the FX thread in batches: one
 * hand-over per burst instead of one per event, so a refresh of 1,000 servers repaints a few dozen times.
 * A bounded batcher carries at most {@code max} events per hand-over: when a server prints faster than the screen
 * can take it, the rest follows in the next hand-over, so the FX thread keeps painting between batches instead of
 * freezing on one enormous batch.
 */
public final class UiBatcher<E> {
    private final ConcurrentLinkedQueue<E> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final UiExecutor ui;
    private final Consumer<List<E>> sink;
    private final int max;

    /** Hands over everything waiting at once. */
    public UiBatcher(UiExecutor ui, Consumer<List<E>> sink) {
        this(ui, Integer.MAX_VALUE, sink);
    }

    /** Hands over at most {@code max} events at a time. */
    public UiBatcher(UiExecutor ui, int max, Consumer<List<E>> sink) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.ui = ui;
        this.max = max;
        this.sink = sink;
    }

    /** Any thread. */
    public void add(E event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) {
            ui.onUiSoon(this::flush);
        }
    }

    /** FX thread: delivers up to {@code max} waiting events and schedules the rest (also called before a refresh's end is handled). */
    public void flush() {
        scheduled.set(false);
        List<E> batch = new ArrayList<>(Math.min(max, 1024));
        for (E e; batch.size() < max && (e = queue.poll()) != null; ) {
            batch.add(e);
        }
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            ui.onUi(this::flush);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
