package dev.upkeep.export;

import dev.upkeep.run.Share;

/**
 * How one application's play rolls: Ansible's {@code serial} (null = all at once, limited by forks) and
 * {@code max_fail_percentage} (null = no limit). Ansible counts failures per batch where Upkeep counts them over the
 * run, so N failures become the share of a batch that N-1 failures exceed; 1 failure (the rolling default) is exact.
 */
record PlayShape(Integer serial, Integer maxFailPercentage) {
    static PlayShape of(ExportOptions o, int hosts) {
        Integer serial = switch (o.strategy()) {
            case PARALLEL -> null;
            case SERIAL -> 1;
            case ROLLING -> Math.min(hosts, (o.batch() == null ? Share.count(1) : o.batch()).of(hosts));
        };
        // Keep one up: never all servers of the application rebooting at once.
        if (o.rebootIfRequired() && o.keepOneUp() && hosts > 1 && (serial == null || serial >= hosts)) {
            serial = hosts - 1;
        }
        Share limit = o.effectiveMaxFailures();
        Integer pct = null;
        if (limit != null) {
            int failures = limit.of(hosts);
            int batch = serial == null ? hosts : serial;
            pct = failures >= batch + 1 ? null : Math.max(0, 100 * (failures - 1) / batch);
        }
        return new PlayShape(serial, pct);
    }
}
