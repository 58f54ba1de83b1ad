package dev.upkeep.run;

import java.util.concurrent.CompletableFuture;

/** A started run. */
public interface RunHandle {
    String id();

    /**
     * Servers not started never start (NOT_STARTED); running ones stop at a safe point: a detached upgrade is
     * no longer followed but goes on on the server, and its server's result says so (CANCELLED).
     */
    void cancel();

    /** Completes after the RunFinished event, with the summary. */
    CompletableFuture<RunSummary> completion();
}
