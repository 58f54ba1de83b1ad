package dev.upkeep.run;

import dev.upkeep.ssh.Cancellation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancel tokens of the servers (and sudo checks) running now, so that a cancel or "stop waiting" reaches each of
 * them; one that starts after either gets it at once.
 */
final class RunningServers {
    private final Set<Tokens> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private volatile boolean aborted;

    /** A running server's two cancel tokens: {@code stop} for a cancel, {@code abort} for "stop waiting". */
    record Tokens(Cancellation stop, Cancellation abort) {
    }

    /** Registers a starting server's tokens, firing them at once when the run was already cancelled. */
    Tokens track(Cancellation stop, Cancellation abort) {
        Tokens tokens = new Tokens(stop, abort);
        running.add(tokens);
        // Checked after adding: a cancel that comes between sees the tokens in the set instead.
        if (stopped) {
            stop.cancel();
        }
        if (aborted) {
            abort.cancel();
        }
        return tokens;
    }

    void untrack(Tokens tokens) {
        running.remove(tokens);
    }

    /** A cancel: each running server's stop fires. */
    void stopAll() {
        stopped = true;
        running.forEach(t -> t.stop().cancel());
    }

    /** Stop waiting: each running server's abort fires; one that starts from now on gets its stop and abort at once. */
    void abortAll() {
        stopped = true;
        aborted = true;
        running.forEach(t -> t.abort().cancel());
    }
}
