package dev.upkeep.ssh.kex;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

import static dev.upkeep.ssh.kex.SntrupEncoding.RQ_BYTES;
import static dev.upkeep.ssh.kex.SntrupEncoding.SMALL_BYTES;
import static dev.upkeep.ssh.kex.SntrupRing.P;
import static dev.upkeep.ssh.kex.SntrupRing.W;

/**
 * Streamlined NTRU Prime sntrup761 (p = 761, q = 4591, w = 286) written for this project, with the byte layouts
 * OpenSSH uses: public key 1158 bytes; secret key 1763 bytes = f, 1/g in R/3, the public key, rho (the implicit
 * rejection secret) and SHA-512(4 | public key)[0:32]; ciphertext 1039 bytes; shared secret 32 bytes. Random words
 * are drawn in the order OpenSSH and BouncyCastle draw them (g, f, rho), so one random stream gives one key.
 */
final class SntrupKem {
    static final int PUBLIC_KEY_BYTES = RQ_BYTES;
    static final int SECRET_KEY_BYTES = 2 * SMALL_BYTES + RQ_BYTES + SMALL_BYTES + 32;
    static final int CIPHERTEXT_BYTES = SntrupEncoding.ROUNDED_BYTES + 32;
    static final int SECRET_BYTES = 32;
    private static final int RHO_AT = 2 * SMALL_BYTES + RQ_BYTES;
    private static final int CACHE_AT = RHO_AT + SMALL_BYTES;

    /** A public key and its secret key, both encoded. */
    record KeyPair(byte[] publicKey, byte[] secretKey) {
    }

    /** What encapsulation yields: the ciphertext for the key's owner and the secret both now share. */
    record Encapsulated(byte[] ciphertext, byte[] secret) {
    }

    private SntrupKem() {
    }

    static KeyPair keyPair(SecureRandom random) {
        byte[] g = new byte[P];
        byte[] gInverse = new byte[P];
        do {
            smallRandom(random, g);
        } while (SntrupRing.reciprocal3(gInverse, g) != 0);
        byte[] f = new byte[P];
        shortRandom(random, f);
        short[] h = new short[P];
        SntrupRing.reciprocalQ3(h, f);
        SntrupRing.multiplyQ(h, h.clone(), g);
        byte[] pk = SntrupEncoding.encodeRq(h);

        byte[] sk = new byte[SECRET_KEY_BYTES];
        SntrupEncoding.encodeSmall(sk, 0, f);
        SntrupEncoding.encodeSmall(sk, SMALL_BYTES, gInverse);
        System.arraycopy(pk, 0, sk, 2 * SMALL_BYTES, RQ_BYTES);
        byte[] rho = new byte[SMALL_BYTES];
        random.nextBytes(rho);
        System.arraycopy(rho, 0, sk, RHO_AT, SMALL_BYTES);
        System.arraycopy(hash(4, pk), 0, sk, CACHE_AT, 32);
        wipe(g, gInverse, f, rho);
        return new KeyPair(pk, sk);
    }

    /** The server's half (the client never needs it; the tests check the client against it). */
    static Encapsulated encapsulate(byte[] publicKey, SecureRandom random) {
        checkLength("public key", publicKey, PUBLIC_KEY_BYTES);
        byte[] r = new byte[P];
        shortRandom(random, r);
        byte[] rEncoded = new byte[SMALL_BYTES];
        byte[] ciphertext = hide(r, rEncoded, publicKey, hash(4, publicKey));
        byte[] secret = sessionKey(1, rEncoded, ciphertext);
        wipe(r, rEncoded);
        return new Encapsulated(ciphertext, secret);
    }

    /**
     * The shared secret in a ciphertext. A ciphertext that does not re-encrypt to itself (a bit flipped, a server
     * that lies) gives no error but SHA-512(0 | SHA-512(3 | rho)[0:32] | ciphertext)[0:32], a value unrelated to
     * any real secret, chosen without a branch (implicit rejection, as the specification and OpenSSH do).
     */
    static byte[] decapsulate(byte[] secretKey, byte[] ciphertext) {
        checkLength("secret key", secretKey, SECRET_KEY_BYTES);
        checkLength("ciphertext", ciphertext, CIPHERTEXT_BYTES);
        byte[] f = new byte[P];
        byte[] gInverse = new byte[P];
        SntrupEncoding.decodeSmall(f, secretKey, 0);
        SntrupEncoding.decodeSmall(gInverse, secretKey, SMALL_BYTES);
        short[] c = new short[P];
        SntrupEncoding.decodeRounded(c, ciphertext);
        byte[] r = new byte[P];
        SntrupDecrypt.decrypt(r, c, f, gInverse);

        byte[] publicKey = Arrays.copyOfRange(secretKey, 2 * SMALL_BYTES, RHO_AT);
        byte[] cache = Arrays.copyOfRange(secretKey, CACHE_AT, SECRET_KEY_BYTES);
        byte[] rEncoded = new byte[SMALL_BYTES];
        byte[] again = hide(r, rEncoded, publicKey, cache);
        int mask = differenceMask(ciphertext, again);
        for (int i = 0; i < SMALL_BYTES; i++) {
            rEncoded[i] ^= (byte) (mask & (rEncoded[i] ^ secretKey[RHO_AT + i]));
        }
        byte[] secret = sessionKey(1 + mask, rEncoded, ciphertext);
        wipe(f, gInverse, r, rEncoded);
        return secret;
    }

    /** Encrypts r to the ciphertext: Round(h r) encoded, then the confirmation SHA-512(2 | SHA-512(3 | r)[0:32] | cache). */
    private static byte[] hide(byte[] r, byte[] rEncoded, byte[] publicKey, byte[] cache) {
        SntrupEncoding.encodeSmall(rEncoded, 0, r);
        short[] h = new short[P];
        SntrupEncoding.decodeRq(h, publicKey);
        short[] hr = new short[P];
        SntrupRing.multiplyQ(hr, h, r);
        for (int i = 0; i < P; i++) {
            hr[i] = (short) (hr[i] - SntrupRing.freeze3(hr[i]));
        }
        byte[] ciphertext = new byte[CIPHERTEXT_BYTES];
        SntrupEncoding.encodeRounded(ciphertext, hr);
        byte[] confirm = concat(hash(3, rEncoded), cache);
        System.arraycopy(hash(2, confirm), 0, ciphertext, SntrupEncoding.ROUNDED_BYTES, 32);
        return ciphertext;
    }

    private static byte[] sessionKey(int prefix, byte[] rEncoded, byte[] ciphertext) {
        return hash(prefix, concat(hash(3, rEncoded), ciphertext));
    }

    /** 0 when both are equal, else -1, looking at every byte whatever it finds. */
    private static int differenceMask(byte[] a, byte[] b) {
        int differentBits = 0;
        for (int i = 0; i < a.length; i++) {
            differentBits |= (a[i] ^ b[i]) & 0xff;
        }
        return (((differentBits - 1) >>> 8) & 1) - 1;
    }

    /** g with coefficients uniform in {-1, 0, 1}: (3 x) / 2^30 for 30 random bits x. */
    private static void smallRandom(SecureRandom random, byte[] out) {
        int[] words = randomWords(random);
        for (int i = 0; i < P; i++) {
            out[i] = (byte) ((((words[i] & 0x3fffffff) * 3) >>> 30) - 1);
        }
        Arrays.fill(words, 0);
    }

    /**
     * A polynomial with exactly w coefficients in {-1, 1} and the rest 0, in a uniformly random order: w words get
     * low bits 0 or 2 (-1 or 1), the rest 1 (0); sorting the words by their random high bits shuffles them.
     */
    static void shortRandom(SecureRandom random, byte[] out) {
        int[] words = randomWords(random);
        for (int i = 0; i < W; i++) {
            words[i] &= -2;
        }
        for (int i = W; i < P; i++) {
            words[i] = (words[i] & -3) | 1;
        }
        ObliviousSort.sortUnsigned(words);
        for (int i = 0; i < P; i++) {
            out[i] = (byte) ((words[i] & 3) - 1);
        }
        Arrays.fill(words, 0);
    }

    /** p little-endian 32-bit words from one draw of 4p bytes. */
    private static int[] randomWords(SecureRandom random) {
        byte[] bytes = new byte[4 * P];
        random.nextBytes(bytes);
        int[] words = new int[P];
        for (int i = 0; i < P; i++) {
            words[i] = (bytes[4 * i] & 0xff) | (bytes[4 * i + 1] & 0xff) << 8 | (bytes[4 * i + 2] & 0xff) << 16
                    | (bytes[4 * i + 3] & 0xff) << 24;
        }
        Arrays.fill(bytes, (byte) 0);
        return words;
    }

    /** SHA-512(prefix | in)[0:32], the specification's Hash_prefix. */
    static byte[] hash(int prefix, byte[] in) {
        MessageDigest sha512;
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-512", e);
        }
        sha512.update((byte) prefix);
        return Arrays.copyOf(sha512.digest(in), 32);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static void checkLength(String what, byte[] value, int expected) {
        if (value.length != expected) {
            throw new IllegalArgumentException("an sntrup761 " + what + " has " + expected + " bytes, not "
                    + value.length);
        }
    }

    private static void wipe(byte[]... secrets) {
        for (byte[] secret : secrets) {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
