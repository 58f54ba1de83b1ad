package dev.upkeep.ssh;

import java.util.Arrays;

/** A public key the ssh-agent holds (the private half stays in the agent), with the agent's comment. */
record AgentIdentity(byte[] blob, String comment) {

    String keyType() {
        return KeyTypes.typeOf(blob);
    }

    String fingerprint() {
        return KnownHosts.sha256Fingerprint(blob);
    }

    boolean sameKey(byte[] other) {
        return Arrays.equals(blob, other);
    }

    @Override
    public String toString() {
        return "agent key " + keyType() + " " + fingerprint() + (comment.isEmpty() ? "" : " (" + comment + ")");
    }
}
