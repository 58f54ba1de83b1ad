package dev.upkeep.ssh.kex;

import static dev.upkeep.ssh.kex.SntrupRing.P;
import static dev.upkeep.ssh.kex.SntrupRing.W;

/** The inner decryption of sntrup761: from c and the secret (f, 1/g) back to the short polynomial r. */
final class SntrupDecrypt {
    private SntrupDecrypt() {
    }

    /**
     * r = (3 f c mod 3) / g in R/3 when that has weight w; otherwise the fixed polynomial (1, ..., 1, 0, ..., 0) of
     * weight w, picked by a mask rather than a branch. Either way re-encryption then decides.
     */
    static void decrypt(byte[] r, short[] c, byte[] f, byte[] gInverse) {
        short[] cf = new short[P];
        SntrupRing.multiplyQ(cf, c, f);
        byte[] e = new byte[P];
        for (int i = 0; i < P; i++) {
            e[i] = (byte) SntrupRing.freeze3(SntrupRing.freezeQ(3 * cf[i]));
        }
        byte[] ev = new byte[P];
        SntrupRing.multiply3(ev, e, gInverse);
        int weight = 0;
        for (int i = 0; i < P; i++) {
            weight += ev[i] & 1;
        }
        int mask = SntrupRing.nonZeroMask(weight - W);
        for (int i = 0; i < W; i++) {
            r[i] = (byte) (((ev[i] ^ 1) & ~mask) ^ 1);
        }
        for (int i = W; i < P; i++) {
            r[i] = (byte) (ev[i] & ~mask);
        }
    }
}
