package dev.upkeep.fleet;

import java.util.Objects;

/**
 * The key exchange Upkeep's SSH connection to a server negotiated, and whether it is post-quantum (a hybrid such
 * as mlkem768x25519-sha256). A connection without one could be recorded now and decrypted by a future quantum
 * computer; OpenSSH 10.1 warns about such connections, and so does Upkeep.
 */
public record NegotiatedKex(String algorithm, boolean postQuantum) {
    public NegotiatedKex {
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /** "mlkem768x25519-sha256 (post-quantum)" or "curve25519-sha256 (not post-quantum)". */
    public String describe() {
        return algorithm + (postQuantum ? " (post-quantum)" : " (not post-quantum)");
    }
}
