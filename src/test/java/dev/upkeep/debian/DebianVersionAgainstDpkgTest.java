package dev.upkeep.debian;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Java ordering against the real {@code dpkg --compare-versions} on thousands of generated pairs: one shell loop
 * over a file of pairs, so the whole test costs a few seconds of dpkg start-ups.
 */
class DebianVersionAgainstDpkgTest {
    static final int PAIRS = 3000;

    @Test
    void agreesWithDpkgOnEveryGeneratedPair(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg")), "dpkg is not installed here (/usr/bin/dpkg)");
        VersionGenerator generator = new VersionGenerator(new Random(20261130L));
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            pairs.add(generator.pair());
        }
        List<String> dpkg = dpkgOrder(dir, pairs);
        assertThat(dpkg).hasSize(PAIRS);
        List<String> disagreements = new ArrayList<>();
        int[] seen = new int[3];
        for (int i = 0; i < PAIRS; i++) {
            String ours = symbol(DebianVersion.compare(pairs.get(i)[0], pairs.get(i)[1]));
            seen["<=>".indexOf(dpkg.get(i))]++;
            if (!ours.equals(dpkg.get(i))) {
                disagreements.add(pairs.get(i)[0] + " " + dpkg.get(i) + " " + pairs.get(i)[1] + " (we said " + ours + ")");
            }
        }
        assertThat(disagreements).as("pairs where dpkg orders otherwise").isEmpty();
        // the generator must exercise all three answers, including equality through leading zeros, ~ and epochs
        for (int n : seen) {
            assertThat(n).as("answers of each kind, of %s: <, =, > %s", PAIRS, java.util.Arrays.toString(seen)).isGreaterThan(PAIRS / 20);
        }
    }

    private static String symbol(int c) {
        return c < 0 ? "<" : c == 0 ? "=" : ">";
    }

    /** "<", "=" or ">" per pair, as dpkg says. */
    private static List<String> dpkgOrder(Path dir, List<String[]> pairs) throws IOException, InterruptedException {
        Path input = dir.resolve("pairs");
        List<String> lines = new ArrayList<>();
        for (String[] p : pairs) {
            lines.add(p[0] + " " + p[1]);
        }
        Files.write(input, lines, StandardCharsets.US_ASCII);
        Path output = dir.resolve("order");
        Process p = new ProcessBuilder("sh", "-c", "while read a b; do"
                + " if dpkg --compare-versions \"$a\" lt \"$b\"; then echo '<';"
                + " elif dpkg --compare-versions \"$a\" eq \"$b\"; then echo '=';"
                + " else echo '>'; fi; done < \"$1\"", "sh", input.toString())
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("dpkg loop finished").isTrue();
        assertThat(p.exitValue()).isZero();
        return Files.readAllLines(output);
    }
}
