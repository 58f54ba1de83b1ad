package dev.upkeep.ssh;

import java.security.PublicKey;

/**
 * The server offered a host key that no known_hosts file lists for it. The connection was refused; the key is
 * carried so the caller can show the fingerprint and, if the user agrees, {@link KnownHosts#accept} it.
 */
public class HostKeyUnknownException extends SshException {
    private final String host;
    private final int port;
    private final HostKeyName name;
    private final String keyType;
    private final String fingerprint;
    private final transient PublicKey key;

    public HostKeyUnknownException(String server, String host, int port, PublicKey key, String note) {
        this(server, host, port, HostKeyName.of(host, port), key, note);
    }

    public HostKeyUnknownException(String server, String host, int port, HostKeyName name, PublicKey key, String note) {
        super(server, "host key is not known: " + KeyTypes.typeOf(key) + " " + KnownHosts.sha256Fingerprint(key)
                + " (" + name.name() + ")" + (note == null ? "" : "; " + note)
                + ". Check the fingerprint and trust the key to connect.");
        this.host = host;
        this.port = port;
        this.name = name;
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

    /** Where an accepted key is recorded (the HostKeyAlias when the config sets one). */
    public HostKeyName hostKeyName() {
        return name;
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
