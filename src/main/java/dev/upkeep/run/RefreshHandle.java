package dev.upkeep.run;

import dev.upkeep.fleet.ServerStatus;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A running status refresh. Cancel stops servers not yet started and interrupts the running probes. */
public interface RefreshHandle {
    void cancel();

    /** Completes with the statuses of every server that was probed (not those skipped by cancel). */
    CompletableFuture<List<ServerStatus>> completion();
}
