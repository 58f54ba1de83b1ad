package dev.upkeep.ui.shared.logs;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The compressed line store keeps every line as it was, whatever the batches, blocks and drops. */
class CompactLinesTest {
    @Test
    void keepsEveryLineExactlyAcrossBlocksAppendsAndDrops() {
        CompactLines lines = new CompactLines();
        List<LogLine> expected = new ArrayList<>();
        Random random = new Random(3);
        int n = 0;
        for (int round = 0; round < 300; round++) {
            List<LogLine> batch = new ArrayList<>();
            for (int i = random.nextInt(900); i > 0; i--, n++) {
                batch.add(line(n, random));
            }
            int drop = random.nextInt(4) == 0 ? random.nextInt(expected.size() + 1) : 0;
            lines.dropAndAppend(drop, batch);
            expected.subList(0, drop).clear();
            expected.addAll(batch);
            assertThat(lines.size()).isEqualTo(expected.size());
            for (int probe = 0; probe < 20 && !expected.isEmpty(); probe++) {
                int at = random.nextInt(expected.size());
                assertThat(lines.get(at)).as("line %d of %d", at, expected.size()).isEqualTo(expected.get(at));
            }
        }
        assertThat(new ArrayList<>(lines)).isEqualTo(expected);
    }

    @Test
    void oneBatchIsOneListChangeThatReportsWhatLeftAndWhatCame() {
        CompactLines lines = new CompactLines();
        List<LogLine> first = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            first.add(LogLine.out("first " + i));
        }
        lines.dropAndAppend(0, first);
        List<String> seen = new ArrayList<>();
        lines.addListener((ListChangeListener<LogLine>) c -> {
            seen.add("change");
            while (c.next()) {
                if (c.wasRemoved()) {
                    seen.add("removed " + c.getRemovedSize() + " from " + c.getFrom() + ", first " + c.getRemoved().get(0).text()
                            + ", last " + c.getRemoved().get(c.getRemovedSize() - 1).text());
                }
                if (c.wasAdded()) {
                    seen.add("added " + c.getAddedSize() + ", last " + c.getAddedSubList().get(c.getAddedSize() - 1).text());
                }
            }
        });

        lines.dropAndAppend(2_500, List.of(LogLine.err("new 1"), LogLine.out("new 2")));

        assertThat(seen).containsExactly("change", "removed 2500 from 0, first first 0, last first 2499", "added 2, last new 2");
        assertThat(lines).hasSize(502);
        assertThat(lines.get(0).text()).isEqualTo("first 2500");
        assertThat(lines.get(500)).isEqualTo(LogLine.err("new 1"));
    }

    /** Package manager output, stderr now and then, unicode, empty lines, and lines longer than a one-byte length. */
    private static LogLine line(int n, Random random) {
        String text = switch (n % 6) {
            case 0 -> "Unpacking libexample" + n % 97 + ":amd64 (2.36-9+deb12u" + n % 13 + ") over (2.36-9) ...";
            case 1 -> "";
            case 2 -> "Setting up tzdata (2024a-0+deb12u1) … Zeitzone: Europe/Zürich ✓ " + n;
            case 3 -> "x".repeat(100 + random.nextInt(400)) + n;
            default -> "Get:" + n + " http://deb.example/debian bookworm/main amd64 libssl3 amd64 3.0.11-1~deb12u2 [2,016 kB]";
        };
        return n % 7 == 0 ? LogLine.err(text) : LogLine.out(text);
    }
}
