package dev.upkeep.remote;

import dev.upkeep.history.PatchEvent;
import dev.upkeep.history.UpkeepRunRecord;

import java.time.Instant;
import java.util.List;

/**
 * What a server's logs say about its patches, before it is merged with this machine's run history.
 *
 * @param apt        apt's history entries, {@code security} set from where their versions come from
 * @param unattended unattended-upgrades' runs
 * @param upkeepJobs Upkeep's job records on the server (runs started from any machine)
 * @param logsSince  the start of the oldest apt entry read; null when none was read
 * @param notes      what could not be read, and why
 */
public record ServerLogs(List<PatchEvent> apt, List<PatchEvent> unattended, List<UpkeepRunRecord> upkeepJobs,
                         Instant logsSince, List<String> notes) {
    public ServerLogs {
        apt = List.copyOf(apt);
        unattended = List.copyOf(unattended);
        upkeepJobs = List.copyOf(upkeepJobs);
        notes = List.copyOf(notes);
    }
}
