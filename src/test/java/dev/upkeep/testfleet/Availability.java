package dev.upkeep.testfleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Whether this machine can run the test fleet, and if not, why (for a JUnit assumption message). */
final class Availability {
    private static final List<String> BINARIES = List.of("unshare", "nsenter", "chroot", "mount", "ssh-keygen",
            "gpg", "dpkg-deb", "apt-ftparchive");

    private Availability() {
    }

    /** Empty when a fleet of these releases can start; otherwise the reason it cannot. */
    static Optional<String> problem(DebianRelease... releases) {
        if (!System.getProperty("os.name", "").equals("Linux")) {
            return Optional.of("the test fleet needs Linux namespaces");
        }
        if (!isRoot()) {
            return Optional.of("the test fleet needs root (unshare, mount, chroot); run the tests as root");
        }
        for (String binary : BINARIES) {
            if (which(binary).isEmpty()) {
                return Optional.of("the test fleet needs `" + binary + "` (see docs/testfleet.md for the packages)");
            }
        }
        for (DebianRelease release : releases) {
            if (!Files.isDirectory(RootFs.cacheRoot().resolve("rootfs-" + RootFs.cacheKey(release.userland())))
                    && which("debootstrap").isEmpty()) {
                return Optional.of("the test fleet needs debootstrap to build its Debian " + release.userland().version()
                        + " rootfs (apt-get install debootstrap)");
            }
        }
        if (!hasOverlayFs()) {
            return Optional.of("the kernel has no overlayfs (modprobe overlay)");
        }
        return Optional.empty();
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasOverlayFs() {
        try {
            if (Files.readString(Path.of("/proc/filesystems")).contains("\toverlay")) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        // Not loaded yet: the module may still be there.
        return Exec.call(List.of("modprobe", "overlay"), null, java.util.Map.of(), 30).succeeded();
    }

    static Optional<Path> which(String binary) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, binary);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
