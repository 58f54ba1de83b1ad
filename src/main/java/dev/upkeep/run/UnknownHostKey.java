package dev.upkeep.run;

import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A host key a server offered that known_hosts does not hold yet; the user decides whether to record it.
 *
 * @param knownHostsName where it would be recorded: [host]:port, or the config's HostKeyAlias
 * @param hashed         recorded hashed (HashKnownHosts yes)
 * @param knownKeys      empty for a first contact; otherwise the keys of other types known_hosts holds for this
 *                       server, which it no longer offers: a possible substitution, trusted only on a separate,
 *                       explicit confirmation ({@link StatusService#trustSubstitution})
 */
public record UnknownHostKey(ServerRef server, String host, int port, String keyType, String fingerprint, PublicKey key,
                             String knownHostsName, boolean hashed, List<KnownKey> knownKeys) {
    /** A key known_hosts holds for the server: type, SHA256 fingerprint, and "file:line". */
    public record KnownKey(String keyType, String fingerprint, String where) {
    }

    public UnknownHostKey {
        Objects.requireNonNull(knownHostsName, "knownHostsName");
        knownKeys = List.copyOf(knownKeys);
    }

    /** A first contact, recorded under the plain [host]:port name. */
    public UnknownHostKey(ServerRef server, String host, int port, String keyType, String fingerprint, PublicKey key) {
        this(server, host, port, keyType, fingerprint, key, port == 22 ? host.toLowerCase(Locale.ROOT)
                : "[" + host.toLowerCase(Locale.ROOT) + "]:" + port, false, List.of());
    }

    /** True when known_hosts holds other keys for this server: the new one may be an impostor's. */
    public boolean substitution() {
        return !knownKeys.isEmpty();
    }
}
