package dev.upkeep.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One server's history from its three sources. apt's history log has the changes; an entry within an Upkeep run's
 * time belongs to that run (Upkeep's security runs take security updates only); one within an unattended-upgrades
 * run's time was started by unattended-upgrades. Runs that changed nothing apt recorded (a reboot, a failed run, a
 * failed unattended-upgrades run) stay events of their own; unattended-upgrades' daily "nothing to do" runs are left
 * out.
 */
public final class PatchHistoryMerge {
    /** unattended-upgrades logs its last line before apt writes End-Date: its window reaches a little further. */
    private static final long UU_SLACK_SECONDS = 120;

    private PatchHistoryMerge() {
    }

    /**
     * @param apt         apt's entries (source APT), {@code security} already set from where their versions come from
     * @param unattended  unattended-upgrades' runs (source UNATTENDED_UPGRADES); {@code security} when it allowed
     *                    security origins only
     * @param upkeepRuns  Upkeep's runs on this server, from any record; the same run twice is kept once (the first)
     */
    public static PatchHistory merge(String server, List<PatchEvent> apt, List<PatchEvent> unattended,
                                     List<UpkeepRunRecord> upkeepRuns, Instant logsSince, List<String> notes) {
        Map<String, UpkeepRunRecord> runs = new LinkedHashMap<>();
        for (UpkeepRunRecord r : upkeepRuns) {
            runs.putIfAbsent(r.runId(), r);
        }
        List<PatchEvent> events = new ArrayList<>();
        List<PatchEvent> matchedUu = new ArrayList<>();
        Set<String> runsWithChanges = new HashSet<>();
        for (PatchEvent e : apt) {
            UpkeepRunRecord run = runs.values().stream().filter(r -> r.covers(e.start())).findFirst().orElse(null);
            PatchEvent uu = unattended.stream().filter(u -> within(e.start(), u)).findFirst().orElse(null);
            if (uu != null) {
                matchedUu.add(uu);
            }
            if (run != null) {
                runsWithChanges.add(run.runId());
                events.add(e.withAttribution("Upkeep run " + run.runId() + (run.user() == null ? "" : " by " + run.user()),
                        run.runId(), e.security() || run.security()));
            } else if (uu != null || isUnattendedCommand(e.commandline())) {
                events.add(e.withAttribution("unattended-upgrades", null, e.security() || uu != null && uu.security()));
            } else {
                events.add(e);
            }
        }
        for (PatchEvent u : unattended) {
            if (matchedUu.contains(u)) {
                continue;
            }
            if (u.error() != null) {
                events.add(u);
            }
        }
        for (UpkeepRunRecord r : runs.values()) {
            if (runsWithChanges.contains(r.runId())) {
                continue;
            }
            events.add(new PatchEvent(r.start(), r.end(), PatchEvent.Source.UPKEEP,
                    "Upkeep run " + r.runId() + (r.user() == null ? "" : " by " + r.user()), null, r.runId(), List.of(),
                    false, r.outcome() != null && !r.outcome().equals("done") ? r.outcome() : null,
                    r.what() + (r.outcome() == null ? "" : ": " + r.outcome())));
        }
        return new PatchHistory(server, events, logsSince, notes);
    }

    private static boolean within(Instant t, PatchEvent uu) {
        Instant end = (uu.end() != null ? uu.end() : uu.start()).plusSeconds(UU_SLACK_SECONDS);
        return !t.isBefore(uu.start()) && !t.isAfter(end);
    }

    private static boolean isUnattendedCommand(String commandline) {
        return commandline != null && commandline.contains("unattended-upgrade");
    }
}
