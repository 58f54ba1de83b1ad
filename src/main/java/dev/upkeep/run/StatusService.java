package dev.upkeep.run;

import dev.upkeep.fleet.Workspace;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/** What the window and the command line ask of the core to learn the truth about servers. */
public interface StatusService {
    /**
     * Probes the servers in parallel (at most {@code settings.concurrency} at once). With {@code updateLists}
     * the package lists are refreshed first (apt-get update, privileged).
     */
    RefreshHandle refresh(Workspace workspace, Collection<ServerRef> servers, boolean updateLists, StatusListener listener);

    /**
     * Records the given host keys in the workspace's known_hosts file (the user has reviewed them). Refuses a
     * possible substitution ({@link UnknownHostKey#substitution()}) with an IllegalArgumentException: that one
     * goes through {@link #trustSubstitution} after its own confirmation.
     */
    void trust(Workspace workspace, List<UnknownHostKey> keys) throws IOException;

    /**
     * Records one key that replaces keys of another type known_hosts holds for the server, after the user confirmed
     * this very key on its own. The known keys stay in the file.
     */
    default void trustSubstitution(Workspace workspace, UnknownHostKey key) throws IOException {
        throw new UnsupportedOperationException("this status service cannot record host keys");
    }
}
