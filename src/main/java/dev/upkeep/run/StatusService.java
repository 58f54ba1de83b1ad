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

    /** Records the given host keys in the workspace's known_hosts file (the user has reviewed them). */
    void trust(Workspace workspace, List<UnknownHostKey> keys) throws IOException;
}
