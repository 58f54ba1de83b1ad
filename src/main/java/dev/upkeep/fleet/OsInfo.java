package dev.upkeep.fleet;

import java.time.LocalDate;

/**
 * Which operating system a server runs, as its {@code /etc/os-release} says ({@code ID}, {@code VERSION_ID},
 * {@code VERSION_CODENAME}), and whether Ubuntu's Expanded Security Maintenance is among its apt sources (null where
 * there is no such thing, or it is not known). Any part may be null.
 */
public record OsInfo(String id, String version, String codename, Boolean esmEnabled) {

    /** Where this release stands in its support life on {@code today}, from {@link OsSupportTable}. */
    public OsSupport support(LocalDate today) {
        return OsSupportTable.lookup(id, version).map(entry -> entry.on(today)).orElse(OsSupport.UNKNOWN);
    }

    public boolean isUbuntu() {
        return "ubuntu".equals(id);
    }
}
