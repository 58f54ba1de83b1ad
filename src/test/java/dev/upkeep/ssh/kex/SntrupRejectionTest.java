package dev.upkeep.ssh.kex;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePublicKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * Implicit rejection: a ciphertext that was tampered with decapsulates, without an error, to a value derived from
 * the secret rho and the ciphertext received, never to the real secret.
 */
class SntrupRejectionTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void aCiphertextWithOneBitFlippedGivesTheRejectionKeyFromRhoNotTheSecret() {
        SntrupKem.KeyPair pair = SntrupKem.keyPair(random);
        byte[] rho = Arrays.copyOfRange(pair.secretKey(), 1540, 1731);
        for (int bit : new int[] {0, 7, 4000, 8055, 8056, 8311}) {
            SntrupKem.Encapsulated sent = SntrupKem.encapsulate(pair.publicKey(), random);
            byte[] tampered = sent.ciphertext().clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));

            byte[] secret = SntrupKem.decapsulate(pair.secretKey(), tampered);

            assertThat(secret).as("bit %d", bit).hasSize(32).isNotEqualTo(sent.secret());
            // The specification's (and OpenSSH's) rejection key: SHA-512(0 | SHA-512(3 | rho)[0:32] | c)[0:32].
            byte[] expected = SntrupKem.hash(0, concat(SntrupKem.hash(3, rho), tampered));
            assertThat(secret).as("bit %d", bit).isEqualTo(expected);
            assertThat(SntrupKem.decapsulate(pair.secretKey(), sent.ciphertext())).isEqualTo(sent.secret());
        }
    }

    @Test
    void bouncyCastlesCiphertextsTamperedWithAreRejectedTheSameWayByOurDecapsulation() {
        SntrupKem.KeyPair pair = SntrupKem.keyPair(random);
        SecretWithEncapsulation sent = new SNTRUPrimeKEMGenerator(random).generateEncapsulated(
                new SNTRUPrimePublicKeyParameters(SNTRUPrimeParameters.sntrup761, pair.publicKey()));
        byte[] tampered = sent.getEncapsulation().clone();
        tampered[500] ^= 0x10;
        byte[] ours = SntrupKem.decapsulate(pair.secretKey(), tampered);
        byte[] rho = Arrays.copyOfRange(pair.secretKey(), 1540, 1731);
        assertThat(ours).isNotEqualTo(sent.getSecret())
                .isEqualTo(SntrupKem.hash(0, concat(SntrupKem.hash(3, rho), tampered)));
    }

    @Test
    void garbageFromAServerThatLiesDecapsulatesWithoutAnError() {
        SntrupKem.KeyPair pair = SntrupKem.keyPair(random);
        byte[] allOnes = new byte[1039];
        Arrays.fill(allOnes, (byte) 0xff);
        byte[] noise = new byte[1039];
        random.nextBytes(noise);
        assertThat(SntrupKem.decapsulate(pair.secretKey(), allOnes)).hasSize(32);
        assertThat(SntrupKem.decapsulate(pair.secretKey(), noise)).hasSize(32);
        assertThat(SntrupKem.decapsulate(pair.secretKey(), new byte[1039])).hasSize(32);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
