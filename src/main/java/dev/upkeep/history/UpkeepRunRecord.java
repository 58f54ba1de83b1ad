package dev.upkeep.history;

import java.time.Instant;

/**
 * An Upkeep run on one server, as this machine's run history or the server's own job records
 * ({@code /var/log/upkeep/KIND-RUNID.status}) tell it: apt changes made within its time belong to it.
 *
 * @param end      null when it has not ended (or the record does not say)
 * @param what     "security upgrade", "Docker upgrade", "reboot", "restart services"…
 * @param outcome  "done", "failed", "exit 11"… ; null when unknown
 * @param security the run applied security upgrades (what it installed came from security pockets only)
 * @param user     who ran it, when known
 */
public record UpkeepRunRecord(String runId, Instant start, Instant end, String what, String outcome, boolean security,
                              String user) {
    /** The time a change made by this run can fall in: from its start to its end, or an hour on when it has none. */
    public boolean covers(Instant t) {
        Instant to = end != null ? end : start.plusSeconds(3600);
        return !t.isBefore(start.minusSeconds(2)) && !t.isAfter(to.plusSeconds(2));
    }
}
