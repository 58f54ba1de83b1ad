package dev.upkeep.ssh.kex;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code places} key-exchange computations at once until {@code warmAfter} have finished, then no limit
 * (docs/decisions/0032-kex-compute-gate.md). Queued, the first computations of a fresh JVM warm the code for the rest;
 * once it is compiled a computation takes a few ms, and a place held while the machine runs something else (the
 * servers of a test fleet, other programs) would only make every later connection wait in line.
 */
final class ComputeGate {
    private final Semaphore places;
    private final int warmAfter;
    private final AtomicInteger finished = new AtomicInteger();

    ComputeGate(int places, int warmAfter) {
        this.places = new Semaphore(Math.max(1, places));
        this.warmAfter = warmAfter;
    }

    /** The process's gate: {@code -Dupkeep.kex.concurrency=N} places (default: one per processor), open after {@code
     * -Dupkeep.kex.warmAfter=M} computations (default: four per place). */
    static ComputeGate standard() {
        int places = Math.max(1, Integer.getInteger("upkeep.kex.concurrency", Runtime.getRuntime().availableProcessors()));
        return new ComputeGate(places, Math.max(0, Integer.getInteger("upkeep.kex.warmAfter", 4 * places)));
    }

    /** Waits for a place while the gate is still closed; true when a place was taken (give it back with {@link #leave}). */
    boolean enter() throws InterruptedException {
        if (finished.get() >= warmAfter) {
            return false;
        }
        places.acquire();
        return true;
    }

    int freePlaces() {
        return places.availablePermits();
    }

    void leave(boolean entered) {
        finished.incrementAndGet();
        if (entered) {
            places.release();
        }
    }
}
