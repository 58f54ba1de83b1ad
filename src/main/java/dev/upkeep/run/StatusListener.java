package dev.upkeep.run;

import dev.upkeep.fleet.ServerStatus;

/** Events of one status refresh; called from worker threads, in any order across servers. */
public interface StatusListener {
    default void started(ServerRef server) {
    }

    /** Exactly once per server that was started, reachable or not. */
    void finished(ServerRef server, ServerStatus status);

    /** Also reported as an unreachable status through {@link #finished}; this carries what is needed to trust it. */
    default void hostKeyUnknown(UnknownHostKey key) {
    }
}
