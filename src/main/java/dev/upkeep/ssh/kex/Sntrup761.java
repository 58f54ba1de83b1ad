package dev.upkeep.ssh.kex;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMExtractor;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyPairGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePrivateKeyParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePublicKeyParameters;

import java.security.SecureRandom;

/**
 * Streamlined NTRU Prime sntrup761: 1158-byte public key, 1039-byte ciphertext, 32-byte secret (BouncyCastle
 * 1.78+; earlier versions cut the secret to 16 bytes, which OpenSSH does not).
 */
final class Sntrup761 implements Kem {
    static final int PUBLIC_KEY_BYTES = 1158;
    static final int CIPHERTEXT_BYTES = 1039;

    private final ReadyKeyPairs ready;
    private SNTRUPrimePrivateKeyParameters privateKey;

    Sntrup761() {
        this(ReadyKeyPairs.SNTRUP761);
    }

    /** @param ready where a pair made ahead of time is taken from, when there is one */
    Sntrup761(ReadyKeyPairs ready) {
        this.ready = ready;
    }

    /** A fresh key pair (the warm-up makes them too). */
    static AsymmetricCipherKeyPair newPair(SecureRandom random) {
        SNTRUPrimeKeyPairGenerator generator = new SNTRUPrimeKeyPairGenerator();
        generator.init(new SNTRUPrimeKeyGenerationParameters(random, SNTRUPrimeParameters.sntrup761));
        return generator.generateKeyPair();
    }

    /** Takes a pair made ahead of time if one is ready (it is then gone from the pool), else makes one now. */
    @Override
    public byte[] generate(SecureRandom random) {
        AsymmetricCipherKeyPair pair = ready.take();
        if (pair == null) {
            pair = newPair(random);
        }
        privateKey = (SNTRUPrimePrivateKeyParameters) pair.getPrivate();
        return ((SNTRUPrimePublicKeyParameters) pair.getPublic()).getEncoded();
    }

    @Override
    public byte[] decapsulate(byte[] ciphertext) {
        return new SNTRUPrimeKEMExtractor(privateKey).extractSecret(ciphertext);
    }

    @Override
    public int ciphertextLength() {
        return CIPHERTEXT_BYTES;
    }
}
