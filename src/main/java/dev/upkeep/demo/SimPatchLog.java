package dev.upkeep.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * A simulated server's patch history: apt's history log and unattended-upgrades' log, seeded with a few past upgrades
 * when the scenario is built and appended to by every upgrade the demo performs. Thread-safe.
 */
final class SimPatchLog {
    private final List<AptEntry> apt = new ArrayList<>();
    private final List<UnattendedRun> unattended = new ArrayList<>();

    synchronized void add(AptEntry entry) {
        apt.add(entry);
    }

    synchronized void add(UnattendedRun run) {
        unattended.add(run);
    }

    /** Oldest first, as apt appends them. */
    synchronized List<AptEntry> apt() {
        return List.copyOf(apt);
    }

    synchronized List<UnattendedRun> unattended() {
        return List.copyOf(unattended);
    }

    /**
     * The version of {@code pkg} the logs last installed, with its pocket; null when the logs never touched it.
     */
    synchronized AptEntry.Change last(String pkg) {
        for (int i = apt.size() - 1; i >= 0; i--) {
            for (AptEntry.Change c : apt.get(i).changes()) {
                if (c.pkg().equals(pkg) && c.to() != null) {
                    return c;
                }
            }
        }
        return null;
    }
}
