package dev.upkeep.demo;

import java.time.Instant;
import java.util.List;

/**
 * One run of unattended-upgrade as its own log (/var/log/unattended-upgrades/unattended-upgrades.log) keeps it.
 *
 * @param packages what it set out to upgrade; empty: it found nothing to do
 * @param failed   it ended with "Installing the upgrades failed!"
 */
record UnattendedRun(Instant start, Instant end, String origins, List<String> packages, boolean failed) {
    UnattendedRun {
        packages = List.copyOf(packages);
    }
}
