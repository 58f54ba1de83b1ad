package dev.upkeep.ui.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects events from any number of worker threads and hands them to the FX thread in batches: one
 * hand-over per burst instead of one per event, so a refresh of 1,000 servers repaints a few dozen times.
 */
public final class UiBatcher<E> {
    private final ConcurrentLinkedQueue<E> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final UiExecutor ui;
    private final Consumer<List<E>> sink;

    public UiBatcher(UiExecutor ui, Consumer<List<E>> sink) {
        this.ui = ui;
        this.sink = sink;
    }

    /** Any thread. */
    public void add(E event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) ui.onUiSoon(this::flush);
    }

    /** FX thread: delivers whatever is waiting now (also called before a refresh's end is handled). */
    public void flush() {
        scheduled.set(false);
        List<E> batch = new ArrayList<>();
        for (E e; (e = queue.poll()) != null; ) batch.add(e);
        if (!batch.isEmpty()) sink.accept(batch);
    }
}
