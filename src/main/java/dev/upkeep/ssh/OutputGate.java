package dev.upkeep.ssh;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * One command's output budget, shared by its two drains: how much of it still reaches the listener (the head),
 * when output last arrived (for the idle bound), and the ceiling past which the command is stopped.
 */
final class OutputGate {
    private final CommandLimits limits;
    private final OutputListener sink;
    private final LongConsumer onCeiling;
    private volatile Interceptor interceptor = (stream, line) -> false;
    private final AtomicLong total = new AtomicLong();
    private final AtomicBoolean ceiling = new AtomicBoolean();
    private volatile long lastOutput = System.nanoTime();
    /** Whether the first part's end line has come (or there is no first part). */
    private volatile boolean firstPartDone;
    private long headBytes;
    private int headLines;
    private boolean headFull;

    /**
     * @param onCeiling called once, from a drain, with the ceiling the output passed: {@link CommandLimits#stopAfterBytes()},
     *                  or the first part's while it lasts
     */
    OutputGate(CommandLimits limits, OutputListener sink, LongConsumer onCeiling) {
        this.limits = limits;
        this.sink = sink;
        this.onCeiling = onCeiling;
        this.firstPartDone = limits.firstPart() == null;
    }

    /** Takes lines meant for Upkeep itself out of the output, before they count against the budget. */
    @FunctionalInterface
    interface Interceptor {
        /** True when {@code line} was consumed. */
        boolean take(OutputListener.Stream stream, String line);
    }

    void intercept(Interceptor i) {
        interceptor = i;
    }

    /** Counts {@code n} bytes just read; false once the output passed the ceiling (stop reading). */
    boolean read(int n) {
        lastOutput = System.nanoTime();
        // Lines are offered after their bytes are read: the first part's end line is seen at most one read late.
        long limit = firstPartDone ? limits.stopAfterBytes() : limits.firstPart().stopAfterBytes();
        if (total.addAndGet(n) > limit && ceiling.compareAndSet(false, true)) {
            onCeiling.accept(limit);
        }
        return !ceiling.get();
    }

    /** Delivers {@code line} ({@code bytes} long as read) while the head has room; false once it is full, for good. */
    boolean offer(OutputListener.Stream stream, String line, int bytes) {
        if (interceptor.take(stream, line)) {
            return true;
        }
        if (!firstPartDone && stream == OutputListener.Stream.STDOUT && line.equals(limits.firstPart().endLine())) {
            firstPartDone = true;
        }
        synchronized (this) {
            if (headFull || headBytes + bytes > limits.headBytes() || headLines >= limits.headLines()) {
                headFull = true;
                return false;
            }
            headBytes += bytes;
            headLines++;
        }
        sink.onLine(stream, line);
        return true;
    }

    /** Outside the budget: the summary and the tail, which the limits have already bounded. */
    void deliver(OutputListener.Stream stream, String line) {
        sink.onLine(stream, line);
    }

    boolean summarizes() {
        return limits.tailBytes() > 0;
    }

    int tailBytes() {
        return limits.tailBytes();
    }

    boolean ceilingHit() {
        return ceiling.get();
    }

    long stopAfterBytes() {
        return limits.stopAfterBytes();
    }

    /** The idle bound now: the first part's until its end line came, then the command's (null: none). */
    Duration idle() {
        return firstPartDone ? limits.idle() : limits.firstPart().idle();
    }

    long lastOutputNanos() {
        return lastOutput;
    }

    /** Bytes read so far from both streams. */
    long total() {
        return total.get();
    }

    /** Bytes delivered to the listener so far as lines (the head). */
    synchronized long delivered() {
        return headBytes;
    }
}
