package dev.upkeep.ssh.kex;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMExtractor;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyPairGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePrivateKeyParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePublicKeyParameters;

import java.security.SecureRandom;
import java.util.Arrays;

import static dev.upkeep.ssh.kex.SntrupEncoding.RQ_BYTES;
import static dev.upkeep.ssh.kex.SntrupEncoding.SMALL_BYTES;

/**
 * BouncyCastle's sntrup761 behind the same encoded keys as {@link SntrupKem} (both use OpenSSH's layouts), kept as
 * the fallback {@code -Dupkeep.kex.sntrup761=bouncycastle} selects: the benchmarks' "before" row, and a way out
 * should our code ever be in doubt. Its keys are slow to make in a cold JVM (docs/decisions/0042-own-sntrup761.md).
 */
final class BouncyCastleSntrup761 {
    private BouncyCastleSntrup761() {
    }

    static SntrupKem.KeyPair keyPair(SecureRandom random) {
        SNTRUPrimeKeyPairGenerator generator = new SNTRUPrimeKeyPairGenerator();
        generator.init(new SNTRUPrimeKeyGenerationParameters(random, SNTRUPrimeParameters.sntrup761));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new SntrupKem.KeyPair(((SNTRUPrimePublicKeyParameters) pair.getPublic()).getEncoded(),
                ((SNTRUPrimePrivateKeyParameters) pair.getPrivate()).getEncoded());
    }

    static SntrupKem.Encapsulated encapsulate(byte[] publicKey, SecureRandom random) {
        SecretWithEncapsulation sent = new SNTRUPrimeKEMGenerator(random).generateEncapsulated(
                new SNTRUPrimePublicKeyParameters(SNTRUPrimeParameters.sntrup761, publicKey));
        return new SntrupKem.Encapsulated(sent.getEncapsulation(), sent.getSecret());
    }

    static byte[] decapsulate(byte[] secretKey, byte[] ciphertext) {
        return new SNTRUPrimeKEMExtractor(privateKey(secretKey)).extractSecret(ciphertext);
    }

    /** The five parts of the encoded secret key, as BouncyCastle keeps them. */
    private static SNTRUPrimePrivateKeyParameters privateKey(byte[] sk) {
        int rho = 2 * SMALL_BYTES + RQ_BYTES;
        return new SNTRUPrimePrivateKeyParameters(SNTRUPrimeParameters.sntrup761,
                Arrays.copyOfRange(sk, 0, SMALL_BYTES), Arrays.copyOfRange(sk, SMALL_BYTES, 2 * SMALL_BYTES),
                Arrays.copyOfRange(sk, 2 * SMALL_BYTES, rho), Arrays.copyOfRange(sk, rho, rho + SMALL_BYTES),
                Arrays.copyOfRange(sk, rho + SMALL_BYTES, sk.length));
    }
}
