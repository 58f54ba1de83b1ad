package dev.upkeep.ssh.kex;

/**
 * Sorts unsigned 32-bit values with Batcher's odd-even merge network: which pairs it compares depends only on the
 * length, and each compare-exchange is branch-free, so the order of secret values leaves no trace in the time taken.
 * sntrup761 sorts random words to shuffle a short polynomial's nonzero coefficients into place.
 */
final class ObliviousSort {
    private ObliviousSort() {
    }

    static void sortUnsigned(int[] x) {
        int n = x.length;
        // A network for the next power of two, minus every comparator that reaches past the end: the missing
        // elements would be +infinity, which those comparators never move.
        for (int p = 1; p < n; p += p) {
            for (int k = p; k > 0; k >>= 1) {
                for (int j = k % p; j + k < n; j += k + k) {
                    for (int i = 0; i < k && i + j + k < n; i++) {
                        if ((i + j) / (p + p) == (i + j + k) / (p + p)) {
                            compareExchange(x, i + j, i + j + k);
                        }
                    }
                }
            }
        }
    }

    /** Leaves the smaller (unsigned) of x[a] and x[b] in x[a]. */
    private static void compareExchange(int[] x, int a, int b) {
        long left = x[a] & 0xffffffffL;
        long right = x[b] & 0xffffffffL;
        int swap = (int) ((right - left) >> 63);
        int t = swap & (x[a] ^ x[b]);
        x[a] ^= t;
        x[b] ^= t;
    }
}
