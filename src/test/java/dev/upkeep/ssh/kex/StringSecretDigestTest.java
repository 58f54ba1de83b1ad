package dev.upkeep.ssh.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.transport.digest.Digest;
import net.schmizz.sshj.transport.digest.SHA256;
import net.schmizz.sshj.transport.digest.SHA512;
import org.junit.jupiter.api.Test;

/**
 * Key derivation for the hybrid key exchanges: fed exactly what sshj 0.40.0's KeyExchanger feeds it
 * ({@code mpint(K) || H || letter || session_id}, and {@code mpint(K) || H || key} to stretch a key), the digest
 * hashes {@code string(K)} instead, as OpenSSH does, for every kind of K: top bit set, leading zero bytes, zero.
 */
class StringSecretDigestTest {
    private static final Random RANDOM = new Random(20261130);

    /** K values a uniform hash output takes, with the rare shapes forced in. */
    private static List<byte[]> secrets(int length, int count) {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] k = new byte[length];
            RANDOM.nextBytes(k);
            switch (i % 5) {
                case 0 -> k[0] |= (byte) 0x80;                  // mpint gets an extra 0x00
                case 1 -> k[0] = 0;                              // mpint shorter, unless K[1]'s top bit is set
                case 2 -> { k[0] = 0; k[1] = 0; k[2] &= 0x7f; } // shorter still
                case 3 -> { k[0] = 0; k[1] |= (byte) 0x80; }     // leading zero kept by mpint's sign byte
                default -> k[0] &= 0x7f;                         // the one shape where both encodings agree
            }
            all.add(k);
        }
        all.add(new byte[length]);                               // K = 0: mpint is empty
        return all;
    }

    @Test
    void keyDerivationHashesKAsAStringForThousandsOfSecrets() throws Exception {
        check(32, SHA256::new, "SHA-256");
        check(64, SHA512::new, "SHA-512");
    }

    private static void check(int length, Supplier<Digest> digest, String jce) throws Exception {
        byte[] h = new byte[length];
        RANDOM.nextBytes(h);
        byte[] sessionId = new byte[length];
        RANDOM.nextBytes(sessionId);
        for (byte[] k : secrets(length, 5000)) {
            StringSecretDigest derived = new StringSecretDigest(digest.get(), k);
            // KeyExchanger.gotNewKeys: one buffer, the letter patched in place, six digests in a row.
            Buffer.PlainBuffer input = new Buffer.PlainBuffer().putMPInt(new BigInteger(1, k)).putRawBytes(h)
                    .putByte((byte) 0).putRawBytes(sessionId);
            int letter = input.available() - sessionId.length - 1;
            for (char c = 'A'; c <= 'F'; c++) {
                input.array()[letter] = (byte) c;
                derived.update(input.array(), 0, input.available());
                assertThat(derived.digest()).isEqualTo(reference(jce, k, h, new byte[]{(byte) c}, sessionId));
            }
            // KeyExchanger.resizedKey: K, H and the key so far.
            byte[] e = derived.digest();
            Buffer.PlainBuffer stretch = new Buffer.PlainBuffer().putMPInt(new BigInteger(1, k)).putRawBytes(h)
                    .putRawBytes(e);
            derived.update(stretch.array(), 0, stretch.available());
            assertThat(derived.digest()).isEqualTo(reference(jce, k, h, e, new byte[0]));
        }
    }

    /** RFC 4253 7.2 with K encoded as an SSH string, written out by hand. */
    private static byte[] reference(String jce, byte[] k, byte[] h, byte[] middle, byte[] tail) throws Exception {
        MessageDigest md = MessageDigest.getInstance(jce);
        md.update(ByteBuffer.allocate(4).putInt(k.length).array());
        md.update(k);
        md.update(h);
        md.update(middle);
        md.update(tail);
        return md.digest();
    }

    /** Why the digest exists: sshj's mpint(K) and the string(K) OpenSSH hashes differ for many secrets. */
    @Test
    void theMpintEncodingSshjWouldUseDiffersForManySecrets() {
        byte[] h = new byte[32];
        int differ = 0;
        List<byte[]> all = secrets(32, 1000);
        for (byte[] k : all) {
            byte[] mpint = new Buffer.PlainBuffer().putMPInt(new BigInteger(1, k)).getCompactData();
            byte[] string = new Buffer.PlainBuffer().putBytes(k).getCompactData();
            StringSecretDigest derived = new StringSecretDigest(new SHA256(), k);
            byte[] withMpint = new Buffer.PlainBuffer().putRawBytes(mpint).putRawBytes(h).getCompactData();
            derived.update(withMpint, 0, withMpint.length);
            byte[] ours = derived.digest();
            Digest plain = new SHA256();
            plain.init();
            plain.update(withMpint, 0, withMpint.length);
            boolean same = java.util.Arrays.equals(ours, plain.digest());
            if (!same) {
                differ++;
            }
            assertThat(same).as("the encodings agree exactly when the hashes do").isEqualTo(java.util.Arrays.equals(mpint, string));
        }
        assertThat(differ).isGreaterThan(all.size() * 2 / 5);
    }

    @Test
    void inputThatDoesNotStartWithTheSecretIsRefusedNotHashed() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        StringSecretDigest derived = new StringSecretDigest(new SHA256(), k);
        byte[] other = new Buffer.PlainBuffer().putMPInt(BigInteger.TEN).putRawBytes(new byte[64]).getCompactData();

        assertThatThrownBy(() -> derived.update(other, 0, other.length))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not start with the shared secret");
        assertThatThrownBy(() -> derived.update(new byte[3], 0, 3)).isInstanceOf(IllegalStateException.class);
    }
}
