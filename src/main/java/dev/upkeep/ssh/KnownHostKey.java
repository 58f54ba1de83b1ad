package dev.upkeep.ssh;

import java.nio.file.Path;

/** A key known_hosts already holds for a server: its type, SHA256 fingerprint, and where it is written. */
public record KnownHostKey(String keyType, String fingerprint, Path file, int line) {
    /** "ecdsa-sha2-nistp256 SHA256:… (~/.ssh/known_hosts:12)". */
    @Override
    public String toString() {
        return keyType + " " + fingerprint + " (" + file + ":" + line + ")";
    }
}
