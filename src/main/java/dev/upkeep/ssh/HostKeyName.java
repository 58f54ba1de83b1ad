package dev.upkeep.ssh;

import java.util.Objects;

/**
 * The name a server's host keys are filed under in known_hosts, as OpenSSH looks it up: {@code host} for port 22,
 * {@code [host]:port} otherwise, or the config's HostKeyAlias as it is (no port). {@code hashed} says whether a
 * key accepted for this name is written hashed ({@code HashKnownHosts yes}), as {@code ssh} would write it.
 */
public record HostKeyName(String name, boolean hashed) {
    public HostKeyName {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c == ',')) {
            throw new IllegalArgumentException("not a known_hosts host name: '" + name + "'");
        }
    }

    /** The plain name of {@code host:port}, written unhashed. */
    public static HostKeyName of(String host, int port) {
        return new HostKeyName(KnownHosts.hostString(host, port), false);
    }

    /** What a connection to {@code host:port} with these settings looks up: the HostKeyAlias wins. */
    static HostKeyName of(String host, int port, String alias, boolean hashed) {
        return new HostKeyName(alias != null ? alias : KnownHosts.hostString(host, port), hashed);
    }

    @Override
    public String toString() {
        return name;
    }
}
