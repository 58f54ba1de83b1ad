package dev.upkeep.fleet;

import java.time.LocalDate;

/**
 * A release's support state on one day: STANDARD (security updates from the distribution for everyone), EXTENDED
 * (only through Debian LTS or Ubuntu ESM: {@code extendedName} says which), ENDED, or UNKNOWN (not in the table).
 */
public record OsSupport(State state, String release, LocalDate standardUntil, LocalDate extendedUntil,
                        String extendedName) {
    public enum State { STANDARD, EXTENDED, ENDED, UNKNOWN }

    public static final OsSupport UNKNOWN = new OsSupport(State.UNKNOWN, null, null, null, null);

    /** {@code standard support until 2027-06-01}, {@code LTS only (standard support ended 2026-07-11)}, … */
    public String describe() {
        return switch (state) {
            case STANDARD -> "standard support until " + standardUntil;
            case EXTENDED -> extendedName + " only until " + extendedUntil + " (standard support ended " + standardUntil
                    + ")";
            case ENDED -> "unsupported since " + (extendedUntil != null ? extendedUntil : standardUntil);
            case UNKNOWN -> "support unknown";
        };
    }
}
