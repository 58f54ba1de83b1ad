package dev.upkeep.ssh.kex;

import java.security.SecureRandom;

/** The post-quantum half of a hybrid key exchange, client side: a fresh key pair, then decapsulation. */
interface Kem {
    /** Makes a fresh key pair and returns the encoded public key. */
    byte[] generate(SecureRandom random);

    /** The shared secret in {@code ciphertext} (which has {@link #ciphertextLength()} bytes). */
    byte[] decapsulate(byte[] ciphertext);

    int ciphertextLength();
}
