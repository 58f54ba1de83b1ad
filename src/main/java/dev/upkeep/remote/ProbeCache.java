package dev.upkeep.remote;

/**
 * How the status probe uses its cache on the server ({@code ~/.cache/upkeep/status.cache}): the expensive answers
 * (apt's simulation, dpkg's audit, ESM, Docker and Weave versions) are kept keyed by every file they depend on.
 */
public enum ProbeCache {
    /** Answer from the cache when its key still matches; recompute and save it when not. */
    USE("use"),
    /** Recompute whatever the cache says, and save the new answers (after a package-list update or on request). */
    REFRESH("refresh"),
    /** Neither read nor write the cache: the probe as it was before it had one. */
    OFF("off");

    private final String word;

    ProbeCache(String word) {
        this.word = word;
    }

    /** The value of UPKEEP_STATUS_CACHE that status.sh reads. */
    String word() {
        return word;
    }
}
