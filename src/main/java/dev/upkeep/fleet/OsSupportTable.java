package dev.upkeep.fleet;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The support dates of the releases Upkeep knows, copied from distro-info-data 0.66 (Debian's
 * {@code /usr/share/distro-info/debian.csv} and {@code ubuntu.csv}: columns {@code eol}, and {@code eol-lts} for
 * Debian or {@code eol-esm} for Ubuntu). A test compares this table with the machine's distro-info-data when it is
 * installed, so a newer package tells us when to update it; see docs/decisions/0024-os-support-table.md.
 */
public final class OsSupportTable {
    /** One release: its name, end of standard support and end of the paid or volunteer extension. */
    public record Entry(String id, String version, String release, LocalDate standardUntil, LocalDate extendedUntil,
                        String extendedName) {
        OsSupport on(LocalDate today) {
            OsSupport.State state = !today.isAfter(standardUntil) ? OsSupport.State.STANDARD
                    : extendedUntil != null && !today.isAfter(extendedUntil) ? OsSupport.State.EXTENDED
                    : OsSupport.State.ENDED;
            return new OsSupport(state, release, standardUntil, extendedUntil, extendedName);
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            debian("11", "Debian 11 (bullseye)", "2024-08-14", "2026-08-31"),
            debian("12", "Debian 12 (bookworm)", "2026-07-11", "2028-06-30"),
            debian("13", "Debian 13 (trixie)", "2028-08-09", "2030-06-30"),
            ubuntu("20.04", "Ubuntu 20.04 LTS (focal)", "2025-05-29", "2030-04-23"),
            ubuntu("22.04", "Ubuntu 22.04 LTS (jammy)", "2027-06-01", "2032-04-21"),
            ubuntu("24.04", "Ubuntu 24.04 LTS (noble)", "2029-05-31", "2034-04-25"),
            ubuntu("26.04", "Ubuntu 26.04 LTS (resolute)", "2031-05-29", "2036-04-23"));

    private OsSupportTable() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entry for os-release's ID and VERSION_ID ({@code debian}/{@code 13}, {@code ubuntu}/{@code 24.04}). */
    public static Optional<Entry> lookup(String id, String version) {
        if (id == null || version == null) {
            return Optional.empty();
        }
        return ENTRIES.stream().filter(e -> e.id().equals(id) && e.version().equals(version)).findFirst();
    }

    private static Entry debian(String version, String release, String eol, String eolLts) {
        return new Entry("debian", version, release, LocalDate.parse(eol), LocalDate.parse(eolLts), "LTS");
    }

    private static Entry ubuntu(String version, String release, String eol, String eolEsm) {
        return new Entry("ubuntu", version, release, LocalDate.parse(eol), LocalDate.parse(eolEsm), "ESM");
    }
}
