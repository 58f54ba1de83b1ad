package dev.upkeep.fleet;

import java.time.Duration;
import java.time.Instant;

/**
 * When the server last installed a security update, by anyone (apt by hand, unattended-upgrades, Upkeep), as read
 * from its apt history logs.
 *
 * @param lastUpgrade when the last security upgrade ended (or started, when its end is unknown); null when the logs
 *                    read hold none
 * @param logsSince   how far back the logs read go: with no upgrade found, it was before this (null: no log at all)
 * @param by          who started the last one ("unattended-upgrades", "Upkeep run …", "deploy (1000)"), if known
 */
public record SecurityPatchAge(Instant lastUpgrade, Instant logsSince, String by) {
    /** Whole days since the last security upgrade; null when none is known. */
    public Long daysAgo(Instant now) {
        return lastUpgrade == null ? null : Math.max(0, Duration.between(lastUpgrade, now).toDays());
    }

    /**
     * Older than {@code warnDays} (or none in the logs, which go back further than that): the column turns amber.
     * False when unknown.
     */
    public boolean olderThan(int warnDays, Instant now) {
        Instant limit = now.minus(Duration.ofDays(warnDays));
        if (lastUpgrade != null) {
            return lastUpgrade.isBefore(limit);
        }
        return logsSince != null && logsSince.isBefore(limit);
    }
}
