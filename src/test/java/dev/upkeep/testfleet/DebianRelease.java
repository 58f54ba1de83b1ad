package dev.upkeep.testfleet;

import java.util.List;

/**
 * The Debian releases a test server can run. Each has its own cached rootfs and its own three suites in the
 * fleet's apt repository, named and labelled as the real archive names them.
 */
public enum DebianRelease {
    /** Debian 12, OpenSSH 9.2 (offers sntrup761x25519, no ML-KEM). The default. */
    DEBIAN_12("bookworm", "12"),
    /** Debian 13, the current stable, OpenSSH 10.0 (offers and prefers mlkem768x25519-sha256). */
    DEBIAN_13("trixie", "13");

    private final String codename;
    private final String version;

    DebianRelease(String codename, String version) {
        this.codename = codename;
        this.version = version;
    }

    public String codename() {
        return codename;
    }

    /** The major version, as Release files give it ({@code Version: 13}). */
    public String version() {
        return version;
    }

    /** {@code trixie}, {@code trixie-updates}, {@code trixie-security}: what a server's sources list. */
    public List<String> suiteNames() {
        return List.of(codename, codename + "-updates", codename + "-security");
    }

    /**
     * The suites with the Release fields of the real archive. Debian's stock 50unattended-upgrades matches
     * {@code origin=Debian,codename=CODENAME-security,label=Debian-Security} (and, for the release itself,
     * {@code label=Debian}), in bookworm and trixie alike.
     */
    List<AptRepo.Suite> suites() {
        return List.of(new AptRepo.Suite(codename, "Debian", "Debian", "stable", codename, "main", version),
                new AptRepo.Suite(codename + "-updates", "Debian", "Debian", "stable-updates", codename + "-updates",
                        "main", version),
                new AptRepo.Suite(codename + "-security", "Debian", "Debian-Security", "stable-security",
                        codename + "-security", "main", version));
    }
}
