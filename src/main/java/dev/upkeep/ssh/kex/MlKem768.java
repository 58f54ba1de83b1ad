package dev.upkeep.ssh.kex;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

import java.security.SecureRandom;

/** ML-KEM-768 (FIPS 203): 1184-byte public key, 1088-byte ciphertext, 32-byte secret. */
final class MlKem768 implements Kem {
    static final int PUBLIC_KEY_BYTES = 1184;
    static final int CIPHERTEXT_BYTES = 1088;

    private MLKEMPrivateKeyParameters privateKey;

    /** A fresh key pair (the warm-up makes one too). */
    static AsymmetricCipherKeyPair newPair(SecureRandom random) {
        MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(random, MLKEMParameters.ml_kem_768));
        return generator.generateKeyPair();
    }

    @Override
    public byte[] generate(SecureRandom random) {
        AsymmetricCipherKeyPair pair = newPair(random);
        privateKey = (MLKEMPrivateKeyParameters) pair.getPrivate();
        return ((MLKEMPublicKeyParameters) pair.getPublic()).getEncoded();
    }

    @Override
    public byte[] decapsulate(byte[] ciphertext) {
        return new MLKEMExtractor(privateKey).extractSecret(ciphertext);
    }

    @Override
    public int ciphertextLength() {
        return CIPHERTEXT_BYTES;
    }
}
