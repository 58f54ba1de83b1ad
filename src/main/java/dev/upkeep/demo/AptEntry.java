package dev.upkeep.demo;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a simulated server's /var/log/apt/history.log: what one apt run changed.
 *
 * @param requestedBy a person under sudo ("ops (1000)"), or null when root ran it
 * @param error       apt's "Error:" line, or null
 */
record AptEntry(Instant start, Instant end, String commandline, String requestedBy, List<Change> changes, String error) {
    /** Written by unattended-upgrade, whose runs also leave lines in its own log. */
    static final String UNATTENDED = "/usr/bin/unattended-upgrade";

    AptEntry {
        changes = List.copyOf(changes);
    }

    /**
     * One package's change.
     *
     * @param from     the version before, null for a new install
     * @param security {@code to} came from the security pocket (what apt-cache policy tells later)
     */
    record Change(String pkg, String from, String to, boolean security) {
        static Change of(SimPackage p) {
            return new Change(p.name(), p.from(), p.to(), p.security());
        }
    }

    boolean unattended() {
        return UNATTENDED.equals(commandline);
    }
}
