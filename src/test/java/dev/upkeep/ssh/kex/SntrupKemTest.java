package dev.upkeep.ssh.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMExtractor;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePrivateKeyParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePublicKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * Our sntrup761 against BouncyCastle's, an independent implementation: every key, ciphertext and secret must agree,
 * in both directions, for many random keys.
 */
class SntrupKemTest {
    private static final int KEYS = 200;
    private final SecureRandom random = new SecureRandom();

    @Test
    void ourKeyPairsDecapsulateWhatBouncyCastleEncapsulatesToTheSameSecret() {
        for (int i = 0; i < KEYS; i++) {
            SntrupKem.KeyPair ours = SntrupKem.keyPair(random);
            assertThat(ours.publicKey()).hasSize(1158);
            assertThat(ours.secretKey()).hasSize(1763);
            SecretWithEncapsulation sent = new SNTRUPrimeKEMGenerator(random).generateEncapsulated(
                    new SNTRUPrimePublicKeyParameters(org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters
                            .sntrup761, ours.publicKey()));
            assertThat(sent.getEncapsulation()).hasSize(1039);
            assertThat(SntrupKem.decapsulate(ours.secretKey(), sent.getEncapsulation()))
                    .as("key %d", i).isEqualTo(sent.getSecret()).hasSize(32);
        }
    }

    @Test
    void bouncyCastlesKeyPairsDecapsulateWhatWeEncapsulateToTheSameSecret() {
        for (int i = 0; i < KEYS; i++) {
            AsymmetricCipherKeyPair theirs = SntrupBouncyCastle.keyPair(random);
            byte[] publicKey = ((SNTRUPrimePublicKeyParameters) theirs.getPublic()).getEncoded();
            SntrupKem.Encapsulated sent = SntrupKem.encapsulate(publicKey, random);
            assertThat(sent.ciphertext()).hasSize(1039);
            byte[] extracted = new SNTRUPrimeKEMExtractor((SNTRUPrimePrivateKeyParameters) theirs.getPrivate())
                    .extractSecret(sent.ciphertext());
            assertThat(extracted).as("key %d", i).isEqualTo(sent.secret()).hasSize(32);
            byte[] theirSecretKey = ((SNTRUPrimePrivateKeyParameters) theirs.getPrivate()).getEncoded();
            assertThat(SntrupKem.decapsulate(theirSecretKey, sent.ciphertext())).isEqualTo(sent.secret());
        }
    }

    @Test
    void theSameRandomBytesGiveBouncyCastlesKeysByteForByte() {
        for (long seed = 1; seed <= 20; seed++) {
            SntrupKem.KeyPair ours = SntrupKem.keyPair(new StreamRandom(seed));
            AsymmetricCipherKeyPair theirs = SntrupBouncyCastle.keyPair(new StreamRandom(seed));
            assertThat(ours.publicKey()).as("seed %d", seed)
                    .isEqualTo(((SNTRUPrimePublicKeyParameters) theirs.getPublic()).getEncoded());
            assertThat(ours.secretKey()).as("seed %d", seed)
                    .isEqualTo(((SNTRUPrimePrivateKeyParameters) theirs.getPrivate()).getEncoded());
        }
    }

    @Test
    void theSameRandomBytesGiveBouncyCastlesCiphertextAndSecret() {
        SntrupKem.KeyPair pair = SntrupKem.keyPair(random);
        for (long seed = 1; seed <= 20; seed++) {
            SntrupKem.Encapsulated ours = SntrupKem.encapsulate(pair.publicKey(), new StreamRandom(seed));
            SecretWithEncapsulation theirs = new SNTRUPrimeKEMGenerator(new StreamRandom(seed)).generateEncapsulated(
                    new SNTRUPrimePublicKeyParameters(org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters
                            .sntrup761, pair.publicKey()));
            assertThat(ours.ciphertext()).as("seed %d", seed).isEqualTo(theirs.getEncapsulation());
            assertThat(ours.secret()).as("seed %d", seed).isEqualTo(theirs.getSecret());
        }
    }

    @Test
    void wrongLengthCiphertextOrKeyIsRefusedNamingWhatAndHowLong() {
        SntrupKem.KeyPair pair = SntrupKem.keyPair(random);
        assertThatThrownBy(() -> SntrupKem.decapsulate(pair.secretKey(), new byte[1038]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an sntrup761 ciphertext has 1039 bytes, not 1038");
        assertThatThrownBy(() -> SntrupKem.decapsulate(pair.secretKey(), new byte[0]))
                .hasMessage("an sntrup761 ciphertext has 1039 bytes, not 0");
        assertThatThrownBy(() -> SntrupKem.encapsulate(Arrays.copyOf(pair.publicKey(), 1159), random))
                .hasMessage("an sntrup761 public key has 1158 bytes, not 1159");
        assertThatThrownBy(() -> SntrupKem.decapsulate(new byte[1762], new byte[1039]))
                .hasMessage("an sntrup761 secret key has 1763 bytes, not 1762");
    }
}
