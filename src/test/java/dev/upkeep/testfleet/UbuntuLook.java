package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Makes a Debian server look like Ubuntu where it matters to Upkeep and unattended-upgrades, by writing files into
 * its overlay upper dir before its first boot (nothing in the shared rootfs changes, so no rebuild). What is real and
 * what is stood in is listed in docs/testfleet.md; in short: os-release, lsb-release (Debian's lsb_release reads
 * os-release, so unattended-upgrades' {@code ${distro_id}} becomes {@code Ubuntu}), Ubuntu's stock unattended-upgrades
 * origins, update-notifier's update stamp and reboot hook, a needrestart stand-in and its apt hook, a machine id
 * (apt's phasing hashes it). apt, dpkg, unattended-upgrades and sshd stay Debian's.
 */
final class UbuntuLook {
    /** Where {@code pro enable esm-infra} puts ESM's source; a test removes it for a server without ESM. */
    static final String ESM_SOURCES = "ubuntu-esm-infra.sources";
    /** One service name a line: what the needrestart stand-in says needs a restart. */
    static final String NEEDRESTART_SERVICES = "/etc/upkeep-fleet/needrestart-services";

    private UbuntuLook() {
    }

    static void apply(Path upper, DebianRelease release, boolean unattendedUpgrades) throws IOException {
        String osRelease = osRelease(release);
        write(upper, "etc/os-release", osRelease, false);
        write(upper, "usr/lib/os-release", osRelease, false);
        write(upper, "etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=" + release.version()
                + "\nDISTRIB_CODENAME=" + release.codename() + "\nDISTRIB_DESCRIPTION=\"" + release.prettyName()
                + "\"\n", false);
        write(upper, "etc/machine-id", HexFormat.of().formatHex(uuidBytes()) + "\n", false);
        copy(upper, "etc/apt/apt.conf.d/15update-stamp", "15update-stamp", false);
        copy(upper, "etc/apt/apt.conf.d/00fleet-not-a-chroot", "00fleet-not-a-chroot", false);
        copy(upper, "etc/apt/apt.conf.d/99needrestart", "99needrestart", false);
        copy(upper, "usr/sbin/needrestart", "needrestart", true);
        copy(upper, "usr/lib/needrestart/apt-pinvoke", "apt-pinvoke", true);
        copy(upper, "usr/share/update-notifier/notify-reboot-required", "notify-reboot-required", true);
        write(upper, NEEDRESTART_SERVICES.substring(1), "cron.service\nssh.service\n", false);
        if (unattendedUpgrades) {
            // Only where the package is installed: elsewhere it would be a file dpkg asks about when it installs it.
            copy(upper, "etc/apt/apt.conf.d/50unattended-upgrades", "50unattended-upgrades", false);
        }
    }

    static String osRelease(DebianRelease release) {
        String name = release == DebianRelease.UBUNTU_22_04 ? "Jammy Jellyfish" : "Noble Numbat";
        return "PRETTY_NAME=\"" + release.prettyName() + "\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"" + release.version()
                + "\"\nVERSION=\"" + release.version() + " LTS (" + name + ")\"\nVERSION_CODENAME=" + release.codename()
                + "\nID=ubuntu\nID_LIKE=debian\nUBUNTU_CODENAME="
                + release.codename() + "\n";
    }

    private static byte[] uuidBytes() {
        UUID id = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }

    private static void copy(Path upper, String target, String resource, boolean executable) throws IOException {
        write(upper, target, new String(Resources.read("ubuntu/" + resource), java.nio.charset.StandardCharsets.UTF_8),
                executable);
    }

    private static void write(Path upper, String target, String content, boolean executable) {
        try {
            Path file = upper.resolve(target);
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.writeString(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
