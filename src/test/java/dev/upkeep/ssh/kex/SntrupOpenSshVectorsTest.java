package dev.upkeep.ssh.kex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decapsulation against keys that OpenSSH's own sntrup761.c computed, valid and tampered ciphertexts alike. The
 * tampered ones matter most: there BouncyCastle (1.86) hashes the re-encrypted ciphertext into the rejection key
 * where the specification and OpenSSH hash the ciphertext received, so BouncyCastle cannot be the reference there.
 */
class SntrupOpenSshVectorsTest {
    private static final String VECTORS = "sntrup761-openssh-decapsulation.txt";

    record Vector(byte[] secretKey, byte[] ciphertext, byte[] key) {
    }

    @Test
    void decapsulationGivesOpenSshsKeysForValidAndTamperedCiphertexts() throws IOException {
        List<Vector> vectors = vectors();
        assertThat(vectors).hasSize(4);
        for (int i = 0; i < vectors.size(); i++) {
            Vector v = vectors.get(i);
            assertThat(SntrupKem.decapsulate(v.secretKey(), v.ciphertext())).as("vector %d", i + 1)
                    .isEqualTo(v.key());
        }
    }

    /** The vectors in file order; entry n's key pair is what {@code new StreamRandom(1000 + n)} draws (n from 0). */
    static List<Vector> vectors() throws IOException {
        String text;
        try (InputStream in = SntrupOpenSshVectorsTest.class.getResourceAsStream(VECTORS)) {
            assertThat(in).as(VECTORS).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        HexFormat hex = HexFormat.of();
        List<String> values = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                values.add(line.substring(line.indexOf('=') + 1));
            }
        }
        List<Vector> vectors = new ArrayList<>();
        for (int i = 0; i + 2 < values.size(); i += 3) {
            vectors.add(new Vector(hex.parseHex(values.get(i)), hex.parseHex(values.get(i + 1)),
                    hex.parseHex(values.get(i + 2))));
        }
        return vectors;
    }
}
