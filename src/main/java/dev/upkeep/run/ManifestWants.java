package dev.upkeep.run;

import dev.upkeep.manifest.Drift;

import java.nio.file.Path;
import java.util.Set;

/**
 * What an application's Manifest.yml asks its servers to run, read once per workspace load. Either the versions
 * (each may be null: not set) or, when the file could not be used, a note saying why (then there is no drift info).
 *
 * @param dockerServers the names the manifest lists under {@code docker: servers:}; empty when it lists none, in
 *                      which case the versions apply to every server of the application
 */
public record ManifestWants(Path manifest, String docker, String weave, Set<String> dockerServers, String note) {
    public ManifestWants {
        dockerServers = dockerServers == null ? Set.of() : Set.copyOf(dockerServers);
    }

    public static ManifestWants unreadable(Path manifest, String why) {
        return new ManifestWants(manifest, null, null, Set.of(), why);
    }

    public boolean readable() {
        return note == null;
    }

    /** Whether the manifest's versions are meant for this server. */
    public boolean appliesTo(String server) {
        return readable() && (dockerServers.isEmpty() || dockerServers.contains(server));
    }

    /** The verdict for one server, or null when the manifest says nothing about it. */
    public Drift.ServerDrift driftOf(String server, String runningDocker, String runningWeave) {
        if (!appliesTo(server) || docker == null && weave == null) {
            return null;
        }
        return Drift.of(server, docker, weave, runningDocker, runningWeave);
    }
}
