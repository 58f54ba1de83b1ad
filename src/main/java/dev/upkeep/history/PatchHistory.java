package dev.upkeep.history;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A server's patch history: every event, oldest first, merged from apt's history logs, unattended-upgrades' log and
 * Upkeep's runs.
 *
 * @param logsSince the start of the oldest apt entry read (null when no log was read): before it nothing is known
 * @param notes     what could not be read and why ("cannot read /var/log/unattended-upgrades without sudo",
 *                  "older logs not read: more than 64 MB"), for the person
 */
public record PatchHistory(String server, List<PatchEvent> events, Instant logsSince, List<String> notes) {
    public PatchHistory {
        events = events.stream().sorted(Comparator.comparing(PatchEvent::start)).toList();
        notes = List.copyOf(notes);
    }

    /** The newest event that installed a version from a security pocket. */
    public Optional<PatchEvent> lastSecurityUpgrade() {
        for (int i = events.size() - 1; i >= 0; i--) {
            PatchEvent e = events.get(i);
            if (e.security() && e.upgradedSomething() && e.error() == null) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Only the events that started at or after {@code since} (null: all). */
    public PatchHistory since(Instant since) {
        if (since == null) {
            return this;
        }
        return new PatchHistory(server, events.stream().filter(e -> !e.start().isBefore(since)).toList(), logsSince, notes);
    }
}
