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

    private SNTRUPrimePrivateKeyParameters privateKey;

    @Override
    public byte[] generate(SecureRandom random) {
        SNTRUPrimeKeyPairGenerator generator = new SNTRUPrimeKeyPairGenerator();
        generator.init(new SNTRUPrimeKeyGenerationParameters(random, SNTRUPrimeParameters.sntrup761));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
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
