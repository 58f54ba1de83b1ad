package dev.upkeep.ui.shared.logs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full pane's lines are kept compressed: 20 panes of 100,000 lines are what a run of 20 servers may hold. As plain
 * strings 100,000 such lines take about 15 MB of heap; the bound here leaves a wide margin for the collector's noise.
 */
class LogPaneMemoryTest {
    @Test
    void aPaneOf100000PackageManagerLinesHoldsThemInUnder5MegabytesOfHeap() throws Exception {
        long before = usedAfterGc();
        LogPaneViewModel pane = new LogPaneViewModel();
        for (int batch = 0; batch < 100; batch++) {
            List<LogLine> lines = new ArrayList<>();
            for (int i = batch * 1_000; i < (batch + 1) * 1_000; i++) {
                lines.add(new LogLine("Unpacking libexample" + i % 97 + ":amd64 (2.36-9+deb12u" + i % 13 + ") over (2.36-9) ... " + i,
                        i % 50 == 0));
            }
            pane.append(lines);
        }
        long held = usedAfterGc() - before;

        assertThat(pane.lines()).hasSize(100_000);
        assertThat(pane.lines().get(99_999).text()).endsWith("... 99999");
        assertThat(held).as("heap held by 100,000 lines, bytes").isLessThan(5L << 20);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50); // lets a concurrent cycle finish; the smallest of three readings is kept
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
