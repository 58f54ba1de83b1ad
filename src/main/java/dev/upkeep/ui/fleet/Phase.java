package dev.upkeep.ui.fleet;

/** Where a row is in a refresh: waiting for a free slot, being probed, or at rest. */
public enum Phase {
    IDLE, QUEUED, CHECKING;

    public boolean busy() {
        return this != IDLE;
    }
}
