package dev.upkeep.ssh.kex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sntrup761 the key exchange uses ({@link Sntrup761}): by default Upkeep's own code, which answers a tampered
 * ciphertext exactly as OpenSSH does; BouncyCastle's only when asked for by the system property.
 */
class Sntrup761KemTest {
    @Test
    void theKeyExchangesSntrup761GivesOpenSshsKeysEvenForATamperedCiphertext() throws Exception {
        List<SntrupOpenSshVectorsTest.Vector> vectors = SntrupOpenSshVectorsTest.vectors();
        for (int n = 0; n < vectors.size(); n++) {
            Sntrup761 kem = new Sntrup761(new ReadyKeyPairs(1));
            byte[] publicKey = kem.generate(new StreamRandom(1000 + n));
            SntrupOpenSshVectorsTest.Vector v = vectors.get(n);
            assertThat(publicKey).isEqualTo(Arrays.copyOfRange(v.secretKey(), 382, 1540));
            assertThat(kem.decapsulate(v.ciphertext())).as("vector %d", n + 1).isEqualTo(v.key());
        }
    }

    @Test
    void thePropertyFallsBackToBouncyCastleWhichAgreesOnValidCiphertextsOnly() throws Exception {
        List<SntrupOpenSshVectorsTest.Vector> vectors = SntrupOpenSshVectorsTest.vectors();
        System.setProperty(Sntrup761.PROPERTY, "bouncycastle");
        try {
            assertThat(PostQuantumKex.sntrup761Implementation()).isEqualTo("bouncycastle");
            for (int n = 0; n < 2; n++) {
                Sntrup761 kem = new Sntrup761(new ReadyKeyPairs(1));
                kem.generate(new StreamRandom(1000 + n));
                byte[] secret = kem.decapsulate(vectors.get(n).ciphertext());
                if (n == 0) {
                    assertThat(secret).as("valid").isEqualTo(vectors.get(n).key());
                } else {
                    // BouncyCastle hashes the re-encrypted ciphertext into its rejection key: this is how the
                    // test sees that the property really switched the code.
                    assertThat(secret).as("tampered").hasSize(32).isNotEqualTo(vectors.get(n).key());
                }
            }
        } finally {
            System.clearProperty(Sntrup761.PROPERTY);
        }
        assertThat(PostQuantumKex.sntrup761Implementation()).isEqualTo("upkeep");
    }

    @Test
    void anUnknownChoiceFallsBackToUpkeepsOwnCode() {
        System.setProperty(Sntrup761.PROPERTY, "bouncy");
        try {
            assertThat(PostQuantumKex.sntrup761Implementation()).isEqualTo("upkeep");
        } finally {
            System.clearProperty(Sntrup761.PROPERTY);
        }
    }
}
