package dev.upkeep.ssh.kex;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A few key pairs made ahead of time, off the connections' critical path, by the warm-up ({@link KexWarmup}). A
 * pair leaves the pool exactly once ({@link #take()} removes it atomically), so no two connections ever share one:
 * each exchange's secret stays its own (forward secrecy). Pairs live only in memory and only until taken.
 */
final class ReadyKeyPairs {
    /** The sntrup761 pairs of this process: few, because a warm JIT makes one in a few ms. */
    static final ReadyKeyPairs SNTRUP761 = new ReadyKeyPairs(4);

    private final BlockingQueue<SntrupKem.KeyPair> ready;

    ReadyKeyPairs(int capacity) {
        this.ready = new ArrayBlockingQueue<>(capacity);
    }

    /** @return false when the pool is full (the pair is then dropped by the caller) */
    boolean offer(SntrupKem.KeyPair pair) {
        return ready.offer(pair);
    }

    /** A ready pair, now no longer in the pool, or null when none is ready (the caller makes a fresh one). */
    SntrupKem.KeyPair take() {
        return ready.poll();
    }

    /** How many more pairs it takes now. */
    int room() {
        return ready.remainingCapacity();
    }

    int size() {
        return ready.size();
    }
}
