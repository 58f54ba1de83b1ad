package dev.upkeep.ssh.kex;

import java.util.Arrays;

import static dev.upkeep.ssh.kex.SntrupRing.P;
import static dev.upkeep.ssh.kex.SntrupRing.Q;

/**
 * The byte encodings of sntrup761, as NTRU Prime and OpenSSH define them: a public key is h in R/q packed as a
 * mixed-radix number (1158 bytes), a ciphertext holds c rounded to multiples of 3 the same way (1007 bytes, then a
 * 32-byte confirmation), and small polynomials take two bits a coefficient (191 bytes).
 */
final class SntrupEncoding {
    static final int SMALL_BYTES = (P + 3) / 4;
    static final int RQ_BYTES = 1158;
    static final int ROUNDED_BYTES = 1007;
    private static final int HALF_Q = (Q - 1) / 2;
    private static final int ROUNDED_RADIX = (Q + 2) / 3;

    private SntrupEncoding() {
    }

    static void encodeSmall(byte[] out, int at, byte[] f) {
        for (int i = 0; i < P / 4; i++) {
            int x = 0;
            for (int j = 0; j < 4; j++) {
                x += (f[4 * i + j] + 1) << (2 * j);
            }
            out[at + i] = (byte) x;
        }
        out[at + P / 4] = (byte) (f[P - 1] + 1);
    }

    /** Two bits a coefficient; the bit pattern 3 (never written) reads as 2, as in the reference. */
    static void decodeSmall(byte[] f, byte[] in, int at) {
        for (int i = 0; i < P / 4; i++) {
            int x = in[at + i] & 0xff;
            for (int j = 0; j < 4; j++) {
                f[4 * i + j] = (byte) (((x >> (2 * j)) & 3) - 1);
            }
        }
        f[P - 1] = (byte) ((in[at + P / 4] & 3) - 1);
    }

    static byte[] encodeRq(short[] h) {
        int[] values = new int[P];
        for (int i = 0; i < P; i++) {
            values[i] = h[i] + HALF_Q;
        }
        byte[] out = new byte[RQ_BYTES];
        encode(out, 0, values, radices(Q), P);
        return out;
    }

    static void decodeRq(short[] h, byte[] in) {
        int[] values = new int[P];
        decode(values, in, 0, radices(Q), P);
        for (int i = 0; i < P; i++) {
            h[i] = (short) (values[i] - HALF_Q);
        }
    }

    /** c's coefficients are multiples of 3; each is sent as (c + (q-1)/2) / 3, the division done by 10923/2^15. */
    static void encodeRounded(byte[] out, short[] c) {
        int[] values = new int[P];
        for (int i = 0; i < P; i++) {
            values[i] = ((c[i] + HALF_Q) * 10923) >> 15;
        }
        encode(out, 0, values, radices(ROUNDED_RADIX), P);
    }

    static void decodeRounded(short[] c, byte[] in) {
        int[] values = new int[P];
        decode(values, in, 0, radices(ROUNDED_RADIX), P);
        for (int i = 0; i < P; i++) {
            c[i] = (short) (values[i] * 3 - HALF_Q);
        }
    }

    private static int[] radices(int m) {
        int[] radix = new int[P];
        Arrays.fill(radix, m);
        return radix;
    }

    /**
     * Packs values r[i] < m[i] (each m below 2^14): neighbours merge pairwise into one number below m[i] m[i+1],
     * whose low bytes go out while it is 2^14 or more; the merged list is packed the same way until one is left.
     *
     * @return where the next byte goes
     */
    private static int encode(byte[] out, int at, int[] r, int[] m, int len) {
        if (len == 1) {
            int value = r[0];
            for (int radix = m[0]; radix > 1; radix = (radix + 255) >> 8) {
                out[at++] = (byte) value;
                value >>>= 8;
            }
            return at;
        }
        int half = (len + 1) / 2;
        int[] r2 = new int[half];
        int[] m2 = new int[half];
        int i = 0;
        for (; i < len - 1; i += 2) {
            int value = r[i] + r[i + 1] * m[i];
            int radix = m[i + 1] * m[i];
            while (radix >= 16384) {
                out[at++] = (byte) value;
                value >>>= 8;
                radix = (radix + 255) >> 8;
            }
            r2[i / 2] = value;
            m2[i / 2] = radix;
        }
        if (i < len) {
            r2[i / 2] = r[i];
            m2[i / 2] = m[i];
        }
        return encode(out, at, r2, m2, half);
    }

    /**
     * The inverse of {@link #encode}. Bytes from a peer may hold a number past its radix; every value is still
     * reduced below its radix (as the reference does), so a lying server yields some polynomial, never an error.
     * The byte counts depend only on the radices, which are public.
     */
    private static void decode(int[] out, byte[] s, int at, int[] m, int len) {
        if (len == 1) {
            if (m[0] == 1) {
                out[0] = 0;
            } else if (m[0] <= 256) {
                out[0] = modulo(s[at] & 0xff, m[0]);
            } else {
                out[0] = modulo((s[at] & 0xff) + ((s[at + 1] & 0xff) << 8), m[0]);
            }
            return;
        }
        int half = (len + 1) / 2;
        int[] r2 = new int[half];
        int[] m2 = new int[half];
        int[] bottomR = new int[len / 2];
        int[] bottomT = new int[len / 2];
        int i = 0;
        for (; i < len - 1; i += 2) {
            int radix = m[i] * m[i + 1];
            if (radix > 256 * 16383) {
                bottomT[i / 2] = 256 * 256;
                bottomR[i / 2] = (s[at] & 0xff) + 256 * (s[at + 1] & 0xff);
                at += 2;
                m2[i / 2] = (((radix + 255) >> 8) + 255) >> 8;
            } else if (radix >= 16384) {
                bottomT[i / 2] = 256;
                bottomR[i / 2] = s[at] & 0xff;
                at += 1;
                m2[i / 2] = (radix + 255) >> 8;
            } else {
                bottomT[i / 2] = 1;
                bottomR[i / 2] = 0;
                m2[i / 2] = radix;
            }
        }
        if (i < len) {
            m2[i / 2] = m[i];
        }
        decode(r2, s, at, m2, half);
        int o = 0;
        for (i = 0; i < len - 1; i += 2) {
            int value = bottomR[i / 2] + bottomT[i / 2] * r2[i / 2];
            int low = modulo(value, m[i]);
            int high = quotient(value, m[i]);
            out[o++] = low;
            out[o++] = modulo(high, m[i + 1]);
        }
        if (i < len) {
            out[o] = r2[i / 2];
        }
    }

    private static int modulo(int x, int m) {
        return x - quotient(x, m) * m;
    }

    /**
     * floor(x / m) for unsigned 32-bit x and 1 < m < 2^14, by two multiplications with 2^31/m and a masked
     * correction instead of a division instruction (whose time can depend on x).
     */
    static int quotient(int x, int m) {
        long reciprocal = 0x80000000L / m;
        long rest = x & 0xffffffffL;
        long q1 = (rest * reciprocal) >>> 31;
        rest -= q1 * m;
        long q2 = (rest * reciprocal) >>> 31;
        rest -= q2 * m;
        long quotient = q1 + q2 + 1;
        rest -= m;
        long mask = rest >> 63;
        return (int) (quotient + mask);
    }
}
