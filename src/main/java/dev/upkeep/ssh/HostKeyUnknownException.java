package dev.upkeep.ssh;

import java.security.PublicKey;

/**
 * The server offered a host key that no known_hosts file lists for it. The connection was refused; the key is
 * carried so the caller can show the fingerprint and, if the user agrees, {@link KnownHosts#accept} it.
 */
public class HostKeyUnknownException extends SshException {
    private final String host;
    private final int port;
    private final String keyType;
    private final String fingerprint;
    private final transient PublicKey key;

    public HostKeyUnknownException(String server, String host, int port, PublicKey key, String note) {
        super(server, "host key is not known: " + KeyTypes.typeOf(key) + " " + KnownHosts.sha256Fingerprint(key)
                + " (" + KnownHosts.hostString(host, port) + ")" + (note == null ? "" : "; " + note)
                + ". Check the fingerprint and trust the key to connect.");
        this.host = host;
        this.port = port;
        this.keyType = KeyTypes.typeOf(key);
        this.fingerprint = KnownHosts.sha256Fingerprint(key);
        this.key = key;
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

    public String fingerprint() {
        return fingerprint;
    }

    public PublicKey key() {
        return key;
    }
}
