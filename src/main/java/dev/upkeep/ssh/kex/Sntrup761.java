package dev.upkeep.ssh.kex;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Streamlined NTRU Prime sntrup761 for the key exchange: 1158-byte public key, 1039-byte ciphertext, 32-byte secret.
 * Upkeep's own code ({@link SntrupKem}) unless {@code -Dupkeep.kex.sntrup761=bouncycastle} asks for BouncyCastle's,
 * which allocates and divides for every coefficient step and costs seconds a key pair in a cold JVM
 * (docs/decisions/0042-own-sntrup761.md).
 */
final class Sntrup761 implements Kem {
    static final String PROPERTY = "upkeep.kex.sntrup761";
    static final String BOUNCY_CASTLE = "bouncycastle";
    static final String OWN = "upkeep";
    static final int PUBLIC_KEY_BYTES = SntrupKem.PUBLIC_KEY_BYTES;
    static final int CIPHERTEXT_BYTES = SntrupKem.CIPHERTEXT_BYTES;
    private static final Logger LOG = LoggerFactory.getLogger(Sntrup761.class);
    /** A mistyped choice is said once per process, not once per connection. */
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final ReadyKeyPairs ready;
    private final boolean bouncyCastle = usesBouncyCastle();
    private byte[] secretKey;

    Sntrup761() {
        this(ReadyKeyPairs.SNTRUP761);
    }

    /** @param ready where a pair made ahead of time is taken from, when there is one */
    Sntrup761(ReadyKeyPairs ready) {
        this.ready = ready;
    }

    /** Which code computes sntrup761 in this process: {@value #OWN} or {@value #BOUNCY_CASTLE}. */
    static String implementation() {
        return usesBouncyCastle() ? BOUNCY_CASTLE : OWN;
    }

    private static boolean usesBouncyCastle() {
        String chosen = System.getProperty(PROPERTY, OWN).strip();
        if (!chosen.equals(OWN) && !chosen.equalsIgnoreCase(BOUNCY_CASTLE) && !WARNED.getAndSet(true)) {
            LOG.warn("-D{}={} is neither {} nor {}; using {}", PROPERTY, chosen, OWN, BOUNCY_CASTLE, OWN);
        }
        return chosen.equalsIgnoreCase(BOUNCY_CASTLE);
    }

    /** A fresh key pair (the warm-up makes them too). */
    static SntrupKem.KeyPair newPair(SecureRandom random) {
        return usesBouncyCastle() ? BouncyCastleSntrup761.keyPair(random) : SntrupKem.keyPair(random);
    }

    /** The server's half, for the warm-up's round trips. */
    static SntrupKem.Encapsulated encapsulate(byte[] publicKey, SecureRandom random) {
        return usesBouncyCastle() ? BouncyCastleSntrup761.encapsulate(publicKey, random)
                : SntrupKem.encapsulate(publicKey, random);
    }

    /** The secret in a ciphertext for this secret key, for the warm-up's round trips. */
    static byte[] extract(byte[] secretKey, byte[] ciphertext) {
        return usesBouncyCastle() ? BouncyCastleSntrup761.decapsulate(secretKey, ciphertext)
                : SntrupKem.decapsulate(secretKey, ciphertext);
    }

    /** Takes a pair made ahead of time if one is ready (it is then gone from the pool), else makes one now. */
    @Override
    public byte[] generate(SecureRandom random) {
        SntrupKem.KeyPair pair = ready.take();
        if (pair == null) {
            pair = bouncyCastle ? BouncyCastleSntrup761.keyPair(random) : SntrupKem.keyPair(random);
        }
        secretKey = pair.secretKey();
        return pair.publicKey();
    }

    /** Once per exchange: the secret key is wiped afterwards (the pair was this connection's alone). */
    @Override
    public byte[] decapsulate(byte[] ciphertext) {
        try {
            return bouncyCastle ? BouncyCastleSntrup761.decapsulate(secretKey, ciphertext)
                    : SntrupKem.decapsulate(secretKey, ciphertext);
        } finally {
            Arrays.fill(secretKey, (byte) 0);
        }
    }

    @Override
    public int ciphertextLength() {
        return CIPHERTEXT_BYTES;
    }
}
