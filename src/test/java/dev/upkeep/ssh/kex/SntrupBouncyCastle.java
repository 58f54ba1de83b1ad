package dev.upkeep.ssh.kex;

import static dev.upkeep.ssh.kex.SntrupEncoding.RQ_BYTES;
import static dev.upkeep.ssh.kex.SntrupEncoding.SMALL_BYTES;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyPairGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePrivateKeyParameters;

/** BouncyCastle's sntrup761, the independent implementation the tests hold ours against. */
final class SntrupBouncyCastle {
    private SntrupBouncyCastle() {
    }

    static AsymmetricCipherKeyPair keyPair(SecureRandom random) {
        SNTRUPrimeKeyPairGenerator generator = new SNTRUPrimeKeyPairGenerator();
        generator.init(new SNTRUPrimeKeyGenerationParameters(random, SNTRUPrimeParameters.sntrup761));
        return generator.generateKeyPair();
    }

    /** Our 1763-byte secret key as BouncyCastle's parameters (the same five parts in the same order). */
    static SNTRUPrimePrivateKeyParameters privateKey(byte[] sk) {
        int rho = 2 * SMALL_BYTES + RQ_BYTES;
        return new SNTRUPrimePrivateKeyParameters(SNTRUPrimeParameters.sntrup761,
                Arrays.copyOfRange(sk, 0, SMALL_BYTES), Arrays.copyOfRange(sk, SMALL_BYTES, 2 * SMALL_BYTES),
                Arrays.copyOfRange(sk, 2 * SMALL_BYTES, rho), Arrays.copyOfRange(sk, rho, rho + SMALL_BYTES),
                Arrays.copyOfRange(sk, rho + SMALL_BYTES, sk.length));
    }
}
