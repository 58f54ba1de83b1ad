package dev.upkeep.history;

import java.time.Instant;
import java.util.List;

/**
 * One thing that changed (or tried to change) a server's packages: an apt run from its history log, an
 * unattended-upgrades run that failed, or an Upkeep run. Events of a server's history are ordered by {@code start}.
 *
 * @param end         null when unknown (an apt run cut short has no End-Date)
 * @param startedBy   who started it, in words: "Upkeep run 20261130T101500Z-3fa9c2", "unattended-upgrades",
 *                    "deploy (1000)" (apt's Requested-By: someone under sudo), "root"; null when nobody can tell
 * @param commandline the command apt recorded, if any
 * @param runId       the Upkeep run it belongs to, if any
 * @param security    it installed a version from a security pocket (or was an Upkeep security upgrade)
 * @param error       what went wrong, if apt or the run said so
 * @param summary     for events without package changes (an Upkeep reboot, a failed run): what it was
 */
public record PatchEvent(Instant start, Instant end, Source source, String startedBy, String commandline, String runId,
                         List<PackageChange> changes, boolean security, String error, String summary) {
    /** Where the event was read: apt's history log, unattended-upgrades' own log, or Upkeep's run history. */
    public enum Source { APT, UNATTENDED_UPGRADES, UPKEEP }

    public PatchEvent {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public PatchEvent withAttribution(String startedBy, String runId, boolean security) {
        return new PatchEvent(start, end, source, startedBy, commandline, runId, changes, security, error, summary);
    }

    /** Upgrades and installs only (what "patched" means). */
    public boolean upgradedSomething() {
        return changes.stream().anyMatch(c -> c.action() == PackageChange.Action.UPGRADE
                || c.action() == PackageChange.Action.INSTALL);
    }
}
