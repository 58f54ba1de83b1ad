package dev.upkeep.run;

import dev.upkeep.ssh.Cancellation;

import java.util.ArrayList;
import java.util.List;

/**
 * The keep-one-up rule of one application: at most {@code permits} of its servers are down at once. A server waits
 * here (cancellably) before its reboot, never while it holds anything else. A server whose reboot failed keeps its
 * permit for the rest of the run: it is down, or at least not known to be serving, so nothing else of its application
 * may take its place. Once every permit is held that way, a server asking for one is refused at once.
 */
final class RebootGate {
    /** What a server waiting for its turn gets. */
    enum Turn { GO, CANCELLED, REFUSED }

    private final int permits;
    private final List<ServerRef> down = new ArrayList<>();
    private int taken;

    RebootGate(int permits) {
        this.permits = permits;
    }

    /** True when a permit is free now (else the caller says in the log that it waits). */
    synchronized boolean free() {
        return taken < permits;
    }

    /** Waits for a permit; nothing is held unless the answer is GO. */
    Turn acquire(Cancellation cancel) throws InterruptedException {
        try (Cancellation.Registration ignored = cancel.onCancel(this::wake)) {
            synchronized (this) {
                while (taken >= permits) {
                    if (cancel.isCancelled()) {
                        return Turn.CANCELLED;
                    }
                    if (down.size() >= permits) {
                        return Turn.REFUSED;
                    }
                    wait();
                }
                if (cancel.isCancelled()) {
                    return Turn.CANCELLED;
                }
                taken++;
                return Turn.GO;
            }
        }
    }

    /** The server is back and healthy (or never went down): its permit is free again. */
    synchronized void release() {
        taken--;
        notifyAll();
    }

    /** The server's reboot failed: it keeps its permit for the rest of the run. */
    synchronized void keepDown(ServerRef server) {
        down.add(server);
        notifyAll();
    }

    /** The servers that failed their reboot, for messages. */
    synchronized List<ServerRef> down() {
        return List.copyOf(down);
    }

    private synchronized void wake() {
        notifyAll();
    }
}
