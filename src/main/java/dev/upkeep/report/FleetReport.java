package dev.upkeep.report;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.manifest.Drift;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the fleet stands, for auditors: one row per server and a summary (servers by state, patch age). Built from
 * one status refresh; the formats (CSV, JSON, HTML) only write it out.
 */
public record FleetReport(Instant generatedAt, int warnDays, List<ReportRow> rows) {
    /** Patch age buckets of the summary, in days since the last security upgrade. */
    public static final List<String> AGE_BUCKETS = List.of("0-7 days", "8-30 days", "31-90 days", "over 90 days", "unknown");

    public static FleetReport of(List<ServerStatus> statuses, Instant now, int warnDays) {
        return of(statuses, now, warnDays, s -> null);
    }

    /** @param drift each server's Docker/Weave verdict against its manifest, null where the manifest says nothing */
    public static FleetReport of(List<ServerStatus> statuses, Instant now, int warnDays,
                                 Function<ServerStatus, Drift.ServerDrift> drift) {
        return new FleetReport(now, warnDays, statuses.stream().map(s -> ReportRow.of(s, now, drift.apply(s))).toList());
    }

    public Map<ReportRow.State, Integer> byState() {
        Map<ReportRow.State, Integer> counts = new EnumMap<>(ReportRow.State.class);
        for (ReportRow.State s : ReportRow.State.values()) {
            counts.put(s, 0);
        }
        rows.forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        return counts;
    }

    public Map<String, Integer> byPatchAge() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        AGE_BUCKETS.forEach(b -> counts.put(b, 0));
        for (ReportRow r : rows) {
            counts.merge(bucket(r.lastSecurityUpgradeDaysAgo()), 1, Integer::sum);
        }
        return counts;
    }

    static String bucket(Long days) {
        if (days == null) {
            return "unknown";
        }
        if (days <= 7) {
            return "0-7 days";
        }
        if (days <= 30) {
            return "8-30 days";
        }
        if (days <= 90) {
            return "31-90 days";
        }
        return "over 90 days";
    }

    /** Past the workspace's warning age (or none known in logs older than it): amber in the window, marked here. */
    public boolean patchAgeWarns(ReportRow r) {
        return r.lastSecurityUpgradeDaysAgo() != null && r.lastSecurityUpgradeDaysAgo() > warnDays;
    }
}
