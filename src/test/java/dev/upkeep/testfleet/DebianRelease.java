package dev.upkeep.testfleet;

import java.util.List;

/**
 * The operating systems a test server can run: Debian 12 and 13, and Ubuntu-flavoured 22.04 and 24.04. (The name
 * predates the Ubuntu flavours; it stays so that other branches' fleet tests keep compiling.) Each Debian release has
 * its own cached rootfs and its own suites in the fleet's apt repository, named and labelled as the real archive names
 * them. An Ubuntu flavour runs on a Debian release's rootfs (its {@link #userland()}) and looks like Ubuntu where it
 * matters to Upkeep and unattended-upgrades (see {@link UbuntuLook} and docs/testfleet.md).
 */
public enum DebianRelease {
    /** Debian 12, OpenSSH 9.2 (offers sntrup761x25519, no ML-KEM). The default. */
    DEBIAN_12("bookworm", "12", null),
    /** Debian 13, the current stable, OpenSSH 10.0 (offers and prefers mlkem768x25519-sha256). */
    DEBIAN_13("trixie", "13", null),
    /** Ubuntu 22.04 (jammy) as far as Upkeep can tell, on Debian 12's userland (apt 2.6, OpenSSH 9.2). */
    UBUNTU_22_04("jammy", "22.04", DEBIAN_12),
    /** Ubuntu 24.04 (noble) as far as Upkeep can tell, on Debian 13's userland (apt 3.0, OpenSSH 10.0). */
    UBUNTU_24_04("noble", "24.04", DEBIAN_13);

    private final String codename;
    private final String version;
    private final DebianRelease debianUserland;

    DebianRelease(String codename, String version, DebianRelease debianUserland) {
        this.codename = codename;
        this.version = version;
        this.debianUserland = debianUserland;
    }

    public String codename() {
        return codename;
    }

    /** The version as Release files and os-release give it ({@code 13}, {@code 22.04}). */
    public String version() {
        return version;
    }

    public boolean isUbuntu() {
        return debianUserland != null;
    }

    /** The Debian release whose cached rootfs this one's servers run on: itself for Debian. */
    public DebianRelease userland() {
        return debianUserland == null ? this : debianUserland;
    }

    /** {@code Debian GNU/Linux 13 (trixie)}, {@code Ubuntu 24.04 LTS}: os-release's PRETTY_NAME. */
    public String prettyName() {
        return isUbuntu() ? "Ubuntu " + version + " LTS" : "Debian GNU/Linux " + version + " (" + codename + ")";
    }

    /** {@code trixie}, {@code trixie-updates}, {@code trixie-security}: the suites a server's main sources list. */
    public List<String> suiteNames() {
        return List.of(codename, codename + "-updates", codename + "-security");
    }

    /** Ubuntu's ESM infrastructure pocket ({@code jammy-infra-security}, origin UbuntuESM); Debian has none. */
    public String esmSuiteName() {
        if (!isUbuntu()) {
            throw new IllegalStateException(this + " has no ESM pocket");
        }
        return codename + "-infra-security";
    }

    /**
     * The suites with the Release fields of the real archive. Debian's stock 50unattended-upgrades matches
     * {@code origin=Debian,codename=CODENAME-security,label=Debian-Security} (and, for the release itself,
     * {@code label=Debian}), in bookworm and trixie alike. Ubuntu's archive gives every pocket Origin and Label
     * {@code Ubuntu}, the pocket as Suite and the release as Codename; ESM's pockets come from origin
     * {@code UbuntuESM} (infra) with the same Codename. Ubuntu's stock file allows {@code ${distro_id}:SUITE}.
     */
    List<AptRepo.Suite> suites() {
        if (isUbuntu()) {
            return List.of(ubuntu(codename), ubuntu(codename + "-updates"), ubuntu(codename + "-security"),
                    new AptRepo.Suite(esmSuiteName(), "UbuntuESM", "Ubuntu ESM", esmSuiteName(), codename, "main",
                            version));
        }
        return List.of(new AptRepo.Suite(codename, "Debian", "Debian", "stable", codename, "main", version),
                new AptRepo.Suite(codename + "-updates", "Debian", "Debian", "stable-updates", codename + "-updates",
                        "main", version),
                new AptRepo.Suite(codename + "-security", "Debian", "Debian-Security", "stable-security",
                        codename + "-security", "main", version));
    }

    private AptRepo.Suite ubuntu(String pocket) {
        return new AptRepo.Suite(pocket, "Ubuntu", "Ubuntu", pocket, codename, "main", version);
    }
}
