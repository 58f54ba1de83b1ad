package dev.upkeep.run;

import java.util.concurrent.CompletableFuture;

/** A started run. */
public interface RunHandle {
    String id();

    /**
     * Servers not started never start (NOT_STARTED); running ones stop at a safe point: a detached upgrade is
     * no longer followed but goes on on the server, and its server's result says so (CANCELLED). A server cancelled
     * while rebooting says "mid-reboot" in its result.
     */
    void cancel();

    /** Completes after the RunFinished event, with the summary. */
    CompletableFuture<RunSummary> completion();

    /** No new server or batch starts until {@link #resume()}; running servers finish. Emits {@link RunEvent.Paused}. */
    default void pause() {
        throw new UnsupportedOperationException("this run cannot pause");
    }

    /** Lets the run start servers again. Emits {@link RunEvent.Resumed}. */
    default void resume() {
        throw new UnsupportedOperationException("this run cannot pause");
    }

    default boolean isPaused() {
        return false;
    }
}
