package dev.upkeep.ssh.kex;

/**
 * What client and server agreed on in the latest key exchange of a connection.
 *
 * @param kex the key exchange algorithm, e.g. {@code mlkem768x25519-sha256}
 */
public record Negotiated(String kex, String hostKey, String cipherClientToServer, String cipherServerToClient,
                         String macClientToServer, String macServerToClient) {

    /** True when the key exchange resists a future quantum computer (OpenSSH 10.1 warns when it does not). */
    public boolean postQuantum() {
        return PostQuantumKex.isPostQuantum(kex);
    }
}
