package dev.upkeep.run;

import dev.upkeep.debian.PackageFinding;
import dev.upkeep.debian.PackagePattern;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.history.PatchHistory;

import java.io.IOException;
import java.time.Instant;
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
     * As {@link #refresh(Workspace, Collection, boolean, StatusListener)}; with {@code recompute} the probe ignores
     * what it cached on the server and computes every answer afresh (after Upkeep's own changes, or on request).
     * Without it, the probe answers from its cache only when nothing the answers depend on has changed.
     */
    default RefreshHandle refresh(Workspace workspace, Collection<ServerRef> servers, boolean updateLists,
                                  boolean recompute, StatusListener listener) {
        return refresh(workspace, servers, updateLists, listener);
    }

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

    /**
     * Asks every server which of the query's packages it has, at which version, and what apt would install instead,
     * in parallel like a refresh (the same connections, at most {@code settings.concurrency} at once). Read-only.
     */
    default QueryHandle<ServerAnswer<List<PackageFinding>>> packages(Workspace workspace, Collection<ServerRef> servers,
                                                                    List<PackagePattern> patterns,
                                                                    AnswerListener<List<PackageFinding>> listener) {
        throw new UnsupportedOperationException("this status service cannot query packages");
    }

    /**
     * Reads each server's patch history (apt's history logs and their rotations, unattended-upgrades' log, Upkeep's
     * job records on the server) and merges it with this machine's runs from {@code runs} (null: none). Read-only;
     * events before {@code since} (null: all) are left out.
     */
    default QueryHandle<ServerAnswer<PatchHistory>> history(Workspace workspace, Collection<ServerRef> servers,
                                                           Instant since, RunHistory runs,
                                                           AnswerListener<PatchHistory> listener) {
        throw new UnsupportedOperationException("this status service cannot read patch histories");
    }
}
