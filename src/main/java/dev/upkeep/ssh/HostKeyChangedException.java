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
        this(server, host, port, KnownHosts.hostString(host, port), keyType, knownFingerprints, offeredFingerprint,
                file, line);
    }

    public HostKeyChangedException(String server, String host, int port, String knownHostsName, String keyType,
                                   List<String> knownFingerprints, String offeredFingerprint, Path file, int line) {
        this(server, "HOST KEY CHANGED for " + knownHostsName + "! The server offered "
                + keyType + " " + offeredFingerprint + " but " + file + ":" + line + " records "
                + String.join(", ", knownFingerprints) + ". Someone may be intercepting the connection, or the"
                + " server was reinstalled. Refusing to connect; if the change is expected, remove the old line.",
                host, port, keyType, knownFingerprints, offeredFingerprint, file, line);
    }

    /** For refusals that are a kind of change but explain themselves differently (a substituted key type). */
    protected HostKeyChangedException(String server, String message, String host, int port, String keyType,
                                      List<String> knownFingerprints, String offeredFingerprint, Path file, int line) {
        super(server, message);
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
