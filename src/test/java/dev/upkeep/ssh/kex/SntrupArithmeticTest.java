package dev.upkeep.ssh.kex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The branch-free reductions and the sorting network, against plain Java arithmetic over their whole ranges. */
class SntrupArithmeticTest {
    private final Random random = new Random(761);

    @Test
    void freezeQIsTheBalancedRemainderModQForEveryValueTheRingProduces() {
        for (int x = -(1 << 24); x <= 1 << 24; x++) {
            int expected = Math.floorMod(x + 2295, 4591) - 2295;
            if (SntrupRing.freezeQ(x) != expected) {
                assertThat(SntrupRing.freezeQ(x)).as("freezeQ(%d)", x).isEqualTo(expected);
            }
        }
    }

    @Test
    void freeze3IsTheBalancedRemainderModThreeWellPastEveryValueTheRingProduces() {
        for (int x = -16386; x <= 16383; x++) {
            assertThat(SntrupRing.freeze3(x)).as("freeze3(%d)", x).isEqualTo(Math.floorMod(x + 1, 3) - 1);
        }
    }

    @Test
    void reciprocalQTimesItsArgumentIsOne() {
        for (int a = -2295; a <= 2295; a++) {
            if (a != 0) {
                assertThat(SntrupRing.freezeQ(a * SntrupRing.reciprocalQ(a))).as("a = %d", a).isEqualTo(1);
            }
        }
    }

    @Test
    void quotientIsUnsignedDivisionForEveryRadixTheEncodingUses() {
        for (int m : new int[] {2, 3, 255, 256, 1531, 4591, 9157, 16383}) {
            for (int n = 0; n < 100_000; n++) {
                int x = n < 1000 ? n : random.nextInt(1 << 28);
                assertThat(SntrupEncoding.quotient(x, m)).as("%d / %d", x, m).isEqualTo(x / m);
            }
        }
    }

    @Test
    void theSortingNetworkSortsUnsignedWordsOfAnyLength() {
        for (int n : new int[] {0, 1, 2, 3, 5, 64, 100, 761, 1000}) {
            int[] words = random.ints(n).toArray();
            long[] expected = Arrays.stream(words).mapToLong(w -> w & 0xffffffffL).sorted().toArray();
            ObliviousSort.sortUnsigned(words);
            assertThat(Arrays.stream(words).mapToLong(w -> w & 0xffffffffL).toArray()).as("n = %d", n)
                    .isEqualTo(expected);
        }
    }

    @Test
    void aShortPolynomialHasExactlyWNonzeroCoefficients() {
        byte[] f = new byte[761];
        for (int n = 0; n < 50; n++) {
            SntrupKem.shortRandom(new StreamRandom(n), f);
            long nonzero = 0;
            for (byte c : f) {
                assertThat(c).isBetween((byte) -1, (byte) 1);
                nonzero += c != 0 ? 1 : 0;
            }
            assertThat(nonzero).isEqualTo(286);
        }
    }
}
