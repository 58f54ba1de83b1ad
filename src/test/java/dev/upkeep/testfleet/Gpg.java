package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throwaway gpg signing key in its own GNUPGHOME (inside the fleet's temp dir, removed with it); signs apt
 * Release files. Nothing of it runs between calls.
 */
final class Gpg {
    private final Path home;

    Gpg(Path home) {
        this.home = home;
        try {
            Files.createDirectories(home);
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gpg("--passphrase", "", "--quick-generate-key", "Upkeep test fleet <fleet@upkeep.invalid>", "ed25519",
                "sign", "never");
    }

    /** The public key in binary form, for apt's {@code signed-by=}. */
    void exportPublicKey(Path target) {
        gpg("--output", target.toString(), "--export");
    }

    /** Writes InRelease (clear-signed) and Release.gpg (detached) next to {@code release}. */
    void signRelease(Path release) {
        Path dir = release.getParent();
        gpg("--output", dir.resolve("InRelease").toString(), "--clearsign", release.toString());
        gpg("--output", dir.resolve("Release.gpg").toString(), "--armor", "--detach-sign", release.toString());
    }

    private void gpg(String... args) {
        // In its own PID namespace: the gpg-agent it spawns dies and is reaped with it, leaving no daemon or zombie.
        List<String> command = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--kill-child",
                "gpg", "--homedir", home.toString(), "--batch", "--yes", "--pinentry-mode", "loopback"));
        command.addAll(List.of(args));
        Exec.run(command, null, Map.of(), 60);
    }
}
