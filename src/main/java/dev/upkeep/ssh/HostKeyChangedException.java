package dev.upkeep.ssh;

import java.nio.file.Path;
import java.util.List;

/**
 * The server offered a key of a type known_hosts already holds for it, but a different one. This is what a
 * man-in-the-middle looks like (or a reinstalled server): refused, never "connect anyway".
 */
public class HostKeyChangedException extends SshException {
    private final String host;
    private final int port;
    private final String keyType;
    private final List<String> knownFingerprints;
    private final String offeredFingerprint;
    private final Path file;
    private final int line;

    public HostKeyChangedException(String server, String host, int port, String keyType, List<String> knownFingerprints,
                                   String offeredFingerprint, Path file, int line) {
        super(server, "HOST KEY CHANGED for " + KnownHosts.hostString(host, port) + "! The server offered "
                + keyType + " " + offeredFingerprint + " but " + file + ":" + line + " records "
                + String.join(", ", knownFingerprints) + ". Someone may be intercepting the connection, or the"
                + " server was reinstalled. Refusing to connect; if the change is expected, remove the old line.");
        this.host = host;
        this.port = port;
        this.keyType = keyType;
        this.knownFingerprints = List.copyOf(knownFingerprints);
        this.offeredFingerprint = offeredFingerprint;
        this.file = file;
        this.line = line;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String keyType() {
        return keyType;
    }

    public List<String> knownFingerprints() {
        return knownFingerprints;
    }

    public String offeredFingerprint() {
        return offeredFingerprint;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
