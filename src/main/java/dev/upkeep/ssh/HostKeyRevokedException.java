package dev.upkeep.ssh;

import java.nio.file.Path;

/** The offered host key is marked {@code @revoked} in known_hosts. */
public class HostKeyRevokedException extends SshException {
    public HostKeyRevokedException(String server, String fingerprint, Path file, int line) {
        super(server, "host key " + fingerprint + " is marked @revoked in " + file + ":" + line + "; refusing to connect");
    }
}
