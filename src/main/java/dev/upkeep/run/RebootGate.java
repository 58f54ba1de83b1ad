package dev.upkeep.run;

import dev.upkeep.ssh.Cancellation;

/**
 * The keep-one-up rule while servers run in parallel: at most {@code permits} servers of one application reboot
 * at once. A server waits here (cancellably) before its reboot, never while it holds anything else.
 */
final class RebootGate {
    private final int permits;
    private int taken;

    RebootGate(int permits) {
        this.permits = permits;
    }

    /** True when a permit is free now (else the caller says in the log that it waits). */
    synchronized boolean free() {
        return taken < permits;
    }

    /** Waits for a permit; false when cancelled first (then nothing is held). */
    boolean acquire(Cancellation cancel) throws InterruptedException {
        try (Cancellation.Registration ignored = cancel.onCancel(this::wake)) {
            synchronized (this) {
                while (taken >= permits) {
                    if (cancel.isCancelled()) return false;
                    wait();
                }
                if (cancel.isCancelled()) return false;
                taken++;
                return true;
            }
        }
    }

    synchronized void release() {
        taken--;
        notifyAll();
    }

    private synchronized void wake() {
        notifyAll();
    }
}
