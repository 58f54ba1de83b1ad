package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Host key sets (ed25519, ecdsa, rsa) kept in the cache: an RSA key takes a CPU-bound half second to generate,
 * which made 20 servers take 20 s to start on two cores. Each server started in a JVM takes the next set, so no
 * two servers of one JVM share keys; sets are generated the first time they are needed and reused by later runs.
 * These are throwaway test host keys: they guard nothing but the test servers on 127.0.0.1.
 */
final class HostKeyPool {
    static final List<String> KEY_TYPES = List.of("ed25519", "ecdsa", "rsa");
    private static final int SETS = 256;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private HostKeyPool() {
    }

    /** Copies the next unused set into {@code sshDir} as ssh_host_TYPE_key(.pub). */
    static void take(Path sshDir) {
        Path set = set(NEXT.getAndIncrement() % SETS);
        try {
            for (String type : KEY_TYPES) {
                for (String suffix : List.of("", ".pub")) {
                    String file = "ssh_host_" + type + "_key" + suffix;
                    Files.copy(set.resolve(file), sshDir.resolve(file), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code SHA256:…} of an OpenSSH public key line, as {@code ssh-keygen -l -E sha256} prints it. */
    static String fingerprint(String publicKeyLine) {
        try {
            byte[] blob = Base64.getDecoder().decode(publicKeyLine.trim().split(" ")[1]);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path set(int index) {
        Path set = RootFs.cacheRoot().resolve("hostkeys").resolve(String.format("set-%03d", index));
        if (Files.isDirectory(set)) {
            return set;
        }
        try {
            Files.createDirectories(set.getParent());
            Path temp = Files.createTempDirectory(set.getParent(), ".new-");
            for (String type : KEY_TYPES) {
                Exec.run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "upkeep-testfleet-host",
                        "-f", temp.resolve("ssh_host_" + type + "_key").toString());
            }
            try {
                Files.move(temp, set);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                Exec.run("rm", "-rf", "--one-file-system", temp.toString()); // another JVM made it first
            }
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate host keys in " + set.getParent(), e);
        }
    }
}
