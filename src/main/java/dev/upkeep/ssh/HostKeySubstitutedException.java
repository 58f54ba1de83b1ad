package dev.upkeep.ssh;

import java.security.PublicKey;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The server offered a key of a type that known_hosts does not hold for it, while it holds keys of other types:
 * a possible substitution. Upkeep asks for the known types first, so a server that still has its known key
 * never gets here; one that offers only a new type has either been reinstalled or reconfigured, or is not the
 * server at all. Refused like a changed key (it is one, for every caller that does not look closer); the trust
 * flows show both fingerprints and ask for a separate, explicit confirmation before recording {@link #key()}.
 */
public class HostKeySubstitutedException extends HostKeyChangedException {
    private final HostKeyName name;
    private final transient PublicKey key;
    private final List<KnownHostKey> known;

    public HostKeySubstitutedException(String server, String host, int port, HostKeyName name, PublicKey key,
                                       List<KnownHostKey> known) {
        super(server, message(name, key, known), host, port, KeyTypes.typeOf(key),
                known.stream().map(KnownHostKey::fingerprint).toList(), KnownHosts.sha256Fingerprint(key),
                known.get(0).file(), known.get(0).line());
        this.name = name;
        this.key = key;
        this.known = List.copyOf(known);
    }

    private static String message(HostKeyName name, PublicKey key, List<KnownHostKey> known) {
        return "POSSIBLE HOST KEY SUBSTITUTION for " + name.name() + ": the server offered "
                + KeyTypes.typeOf(key) + " " + KnownHosts.sha256Fingerprint(key)
                + ", a key type known_hosts does not hold for it, but known_hosts holds "
                + known.stream().map(KnownHostKey::toString).collect(Collectors.joining(", "))
                + ". The server no longer offers its known key: it was reinstalled or reconfigured, or someone is"
                + " intercepting the connection. Refusing to connect; check the new fingerprint with the server's"
                + " administrator before trusting it (upkeep trust asks separately).";
    }

    /** Where the new key would be recorded if the user trusts it. */
    public HostKeyName hostKeyName() {
        return name;
    }

    /** The key the server offered. */
    public PublicKey key() {
        return key;
    }

    /** What known_hosts holds for this server instead (other key types), with file and line. */
    public List<KnownHostKey> knownKeys() {
        return known;
    }
}
