package dev.upkeep.ssh.kex;

/**
 * Arithmetic in the two rings of sntrup761, R/3 = Z/3[x]/(x^p - x - 1) and R/q = Z/q[x]/(x^p - x - 1), on plain
 * arrays of balanced representatives ({-1, 0, 1} and [-(q-1)/2, (q-1)/2]). Every reduction is a multiplication and
 * a shift, and every loop runs a fixed number of times: nothing here branches on, divides by or indexes with a
 * secret value, so the time taken tells nothing about the key. Each call allocates its few working arrays once.
 */
final class SntrupRing {
    static final int P = 761;
    static final int Q = 4591;
    static final int W = 286;

    private SntrupRing() {
    }

    /** x mod 3 in {-1, 0, 1}, exact for -16386 <= x <= 16383 (sums here stay within 3 p = 2283 or q). */
    static int freeze3(int x) {
        return x - 3 * ((10923 * x + 16384) >> 15);
    }

    /** x mod q in [-(q-1)/2, (q-1)/2], for |x| below about 2^26: three rounded Barrett steps, each exact enough. */
    static int freezeQ(int x) {
        x -= Q * ((14 * x) >> 16);
        x -= Q * ((228 * x) >> 20);
        return x - Q * ((58470 * x + 0x8000000) >> 28);
    }

    /** -1 when x is not zero, else 0. */
    static int nonZeroMask(int x) {
        return (x | -x) >> 31;
    }

    /** -1 when x is negative, else 0. */
    static int negativeMask(int x) {
        return x >> 31;
    }

    /** h = f * g in R/q, g small. */
    static void multiplyQ(short[] h, short[] f, byte[] g) {
        int[] fg = new int[P + P - 1];
        for (int i = 0; i < P; i++) {
            int fi = f[i];
            for (int j = 0; j < P; j++) {
                fg[i + j] += fi * g[j];
            }
        }
        foldModulus(fg);
        for (int i = 0; i < P; i++) {
            h[i] = (short) freezeQ(fg[i]);
        }
    }

    /** h = f * g in R/3. */
    static void multiply3(byte[] h, byte[] f, byte[] g) {
        int[] fg = new int[P + P - 1];
        for (int i = 0; i < P; i++) {
            int fi = f[i];
            for (int j = 0; j < P; j++) {
                fg[i + j] += fi * g[j];
            }
        }
        foldModulus(fg);
        for (int i = 0; i < P; i++) {
            h[i] = (byte) freeze3(fg[i]);
        }
    }

    /** Reduces a product of degree 2p-2 by x^p = x + 1: each high coefficient lands on x^(i-p) and x^(i-p+1). */
    private static void foldModulus(int[] fg) {
        for (int i = P; i < P + P - 1; i++) {
            fg[i - P] += fg[i];
        }
        for (int i = P; i < P + P - 1; i++) {
            fg[i - P + 1] += fg[i];
        }
    }

    /** a^(q-2) = 1/a mod q (0 for 0); square-and-multiply over the public exponent, so it takes the same steps for any a. */
    static int reciprocalQ(int a) {
        int result = 1;
        int base = freezeQ(a);
        for (int e = Q - 2; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result = freezeQ(result * base);
            }
            base = freezeQ(base * base);
        }
        return result;
    }

    /**
     * out = 1/in in R/3 by the constant-time extended GCD of Bernstein and Yang (2p-1 division steps).
     *
     * @return 0 when in is invertible, else -1 (out is then meaningless)
     */
    static int reciprocal3(byte[] out, byte[] in) {
        Gcd s = new Gcd(in, 1);
        for (int loop = 0; loop < 2 * P - 1; loop++) {
            s.shiftAndSwap();
            int sign = -s.g[0] * s.f[0];
            int[] f = s.f;
            int[] g = s.g;
            int[] v = s.v;
            int[] r = s.r;
            for (int i = 0; i <= P; i++) {
                g[i] = freeze3(g[i] + sign * f[i]);
                r[i] = freeze3(r[i] + sign * v[i]);
            }
            s.divideGByX();
            s.delta += 1;
        }
        int sign = s.f[0];
        for (int i = 0; i < P; i++) {
            out[i] = (byte) (sign * s.v[P - 1 - i]);
        }
        return nonZeroMask(s.delta);
    }

    /** out = 1/(3 in) in R/q, in small and (as for every short f) invertible; same division steps as above. */
    static void reciprocalQ3(short[] out, byte[] in) {
        Gcd s = new Gcd(in, reciprocalQ(3));
        for (int loop = 0; loop < 2 * P - 1; loop++) {
            s.shiftAndSwap();
            int f0 = s.f[0];
            int g0 = s.g[0];
            int[] f = s.f;
            int[] g = s.g;
            int[] v = s.v;
            int[] r = s.r;
            for (int i = 0; i <= P; i++) {
                g[i] = freezeQ(f0 * g[i] - g0 * f[i]);
                r[i] = freezeQ(f0 * r[i] - g0 * v[i]);
            }
            s.divideGByX();
            s.delta += 1;
        }
        int scale = reciprocalQ(s.f[0]);
        for (int i = 0; i < P; i++) {
            out[i] = (short) freezeQ(scale * s.v[P - 1 - i]);
        }
    }

    /** The state of the division steps: f starts as the modulus reversed, g as the input reversed. */
    private static final class Gcd {
        final int[] f = new int[P + 1];
        final int[] g = new int[P + 1];
        final int[] v = new int[P + 1];
        final int[] r = new int[P + 1];
        int delta = 1;

        Gcd(byte[] in, int r0) {
            r[0] = r0;
            f[0] = 1;
            f[P - 1] = -1;
            f[P] = -1;
            for (int i = 0; i < P; i++) {
                g[P - 1 - i] = in[i];
            }
        }

        /** v *= x; then, when delta > 0 and g[0] != 0, swaps (f, v) with (g, r) and negates delta, without a branch. */
        void shiftAndSwap() {
            System.arraycopy(v, 0, v, 1, P);
            v[0] = 0;
            int swap = negativeMask(-delta) & nonZeroMask(g[0]);
            delta ^= swap & (delta ^ -delta);
            for (int i = 0; i <= P; i++) {
                int t = swap & (f[i] ^ g[i]);
                f[i] ^= t;
                g[i] ^= t;
                t = swap & (v[i] ^ r[i]);
                v[i] ^= t;
                r[i] ^= t;
            }
        }

        void divideGByX() {
            System.arraycopy(g, 1, g, 0, P);
            g[P] = 0;
        }
    }
}
