package dev.upkeep.run;

import dev.upkeep.remote.StatusRoundTrip;
import dev.upkeep.ssh.CommandLimits;

import java.time.Duration;

/**
 * The bounds of a status refresh's remote commands. The probe prints as it goes and reads only local state, so a
 * probe silent for {@link #probeIdle} is hung (a stuck apt, dpkg or disk); {@code apt-get update} talks to mirrors
 * and may be quiet for longer. The probe's report is parsed whole, so it is capped: a report past
 * {@link #probeMaxBytes} is a broken or hostile server, not a status.
 */
record StatusLimits(Duration probeIdle, Duration updateListsIdle, long probeMaxBytes, Duration patchFactsIdle,
                    long patchFactsMaxBytes) {
    /**
     * The restart check may wait on needrestart (bounded to 120 s on the server) and reads two months of apt history:
     * quiet for longer than the probe, and more output.
     */
    static final StatusLimits DEFAULT = new StatusLimits(Duration.ofSeconds(30), Duration.ofSeconds(120), 4L << 20,
            Duration.ofSeconds(150), 16L << 20);

    StatusLimits(Duration probeIdle, Duration updateListsIdle, long probeMaxBytes) {
        this(probeIdle, updateListsIdle, probeMaxBytes, DEFAULT.patchFactsIdle, DEFAULT.patchFactsMaxBytes);
    }

    CommandLimits probe() {
        return CommandLimits.parsed(probeMaxBytes).withIdle(probeIdle);
    }

    /**
     * The probe and the patch facts in one command: the probe's bounds until the facts' marker, then room for both
     * reports and the facts' idle bound.
     */
    CommandLimits roundTrip() {
        return CommandLimits.parsed(probeMaxBytes + patchFactsMaxBytes).withIdle(patchFactsIdle)
                .withFirstPart(StatusRoundTrip.FACTS_MARK, probeIdle, probeMaxBytes);
    }

    CommandLimits updateLists() {
        return CommandLimits.streaming().withIdle(updateListsIdle);
    }
}
