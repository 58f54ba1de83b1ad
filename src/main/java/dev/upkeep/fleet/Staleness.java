package dev.upkeep.fleet;

import java.time.Duration;

/** Pending-update counts are only as true as the server's package lists; this says when they are too old to trust. */
public final class Staleness {
    /** Lists older than this make the update counts doubtful (unattended-upgrades refreshes them daily). */
    public static final Duration STALE_AFTER = Duration.ofHours(24);

    private Staleness() {
    }

    public static Duration listsAge(ServerStatus s) {
        if (s.packageListsUpdated() == null || s.checkedAt() == null) {
            return null;
        }
        Duration age = Duration.between(s.packageListsUpdated(), s.checkedAt());
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** True when the lists were never updated or are older than {@link #STALE_AFTER}. */
    public static boolean listsStale(ServerStatus s) {
        if (!s.listsKnown()) {
            return false;
        }
        Duration age = listsAge(s);
        return age == null || age.compareTo(STALE_AFTER) > 0;
    }
}
