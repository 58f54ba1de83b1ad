package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** The fleet's shell scripts, kept as test resources under {@code testfleet/} and copied out to run. */
final class Resources {
    /** Everything the rootfs build reads; a change to any of them rebuilds the cached rootfs. */
    static final List<String> BUILD_SCRIPTS = List.of("build-rootfs.sh", "power-stubs/upkeep-fleet-power",
            "power-stubs/reboot", "power-stubs/poweroff", "power-stubs/shutdown", "power-stubs/systemctl");
    static final String SERVER_INIT = "server-init.sh";

    private Resources() {
    }

    static byte[] read(String name) {
        try (InputStream in = Resources.class.getResourceAsStream("/testfleet/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource testfleet/" + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the named resources into {@code dir}, keeping their relative paths, as executable files. */
    static void copy(List<String> names, Path dir) {
        try {
            for (String name : names) {
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, read(name));
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
