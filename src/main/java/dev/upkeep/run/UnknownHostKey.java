package dev.upkeep.run;

import java.security.PublicKey;

/** A host key a server offered that known_hosts does not hold yet; the user decides whether to record it. */
public record UnknownHostKey(ServerRef server, String host, int port, String keyType, String fingerprint, PublicKey key) {
}
