package dev.upkeep.run;

import java.util.concurrent.CompletableFuture;

/** A started run. */
public interface RunHandle {
    String id();

    /**
     * Servers not started never start (NOT_STARTED); running ones stop at a safe point: a detached security upgrade
     * is no longer followed but goes on on the server, a Docker/Weave install stops before dpkg starts or once it has
     * finished (never midway), and a server whose reboot was issued is still waited for and verified. A server that
     * finished everything it had to do is DONE; one stopped early is CANCELLED. Emits {@link RunEvent.Cancelling}.
     */
    void cancel();

    /**
     * Cancels, and stops waiting too: servers mid-reboot are left unverified (UNVERIFIED, the reboot counted as still
     * required) and detached jobs are no longer followed (they go on on the server). For a second Ctrl-C or a second
     * press of Cancel.
     */
    default void stopWaiting() {
        cancel();
    }

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
