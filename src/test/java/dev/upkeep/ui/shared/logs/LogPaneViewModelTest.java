package dev.upkeep.ui.shared.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogPaneViewModelTest {
    private static List<LogLine> lines(int from, int to) {
        List<LogLine> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(i % 10 == 0 ? LogLine.err("line " + i) : LogLine.out("line " + i));
        }
        return out;
    }

    @Test
    void aSavedLogIsPrivateEvenOverAFileOthersCouldRead(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("upkeep.log"), "an older export\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        LogPaneViewModel.save(lines(0, 3), file);

        assertThat(Files.readString(file)).isEqualTo("[stderr] line 0\nline 1\nline 2\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void keepsOnlyTheNewestLinesUpToTheCapAndCountsTheDroppedOnes() {
        LogPaneViewModel vm = new LogPaneViewModel(1000);
        for (int i = 0; i < 50; i++) {
            vm.append(lines(i * 100, i * 100 + 100));
        }
        assertThat(vm.lines().size()).isLessThanOrEqualTo(1000).isGreaterThanOrEqualTo(950);
        assertThat(vm.lines().get(vm.lines().size() - 1).text()).isEqualTo("line 4999");
        assertThat(vm.totalProperty().get()).isEqualTo(5000);
        assertThat(vm.droppedProperty().get() + vm.lines().size()).isEqualTo(5000);
        assertThat(vm.lines().get(0).text()).isEqualTo("line " + vm.droppedProperty().get());
    }

    @Test
    void aBatchLargerThanTheCapKeepsItsNewestLines() {
        LogPaneViewModel vm = new LogPaneViewModel(100);
        vm.append(lines(0, 10));
        vm.append(lines(10, 1010));
        assertThat(vm.lines()).as("trimmed to 5% under the cap").hasSize(95);
        assertThat(vm.lines().get(0).text()).isEqualTo("line 915");
        assertThat(vm.lines().get(94).text()).isEqualTo("line 1009");
        assertThat(vm.droppedProperty().get()).isEqualTo(915);
    }

    @Test
    void scrollsToTheEndOncePerBatchOnlyWhileTheUserIsAtTheBottom() {
        LogPaneViewModel vm = new LogPaneViewModel(1000);
        vm.append(lines(0, 50));
        vm.append(lines(50, 100));
        assertThat(vm.scrollRequestsProperty().get()).isEqualTo(2);

        vm.userAtBottom(false); // scrolled up to read
        vm.append(lines(100, 150));
        assertThat(vm.scrollRequestsProperty().get()).isEqualTo(2);
        assertThat(vm.followProperty().get()).isFalse();

        vm.userAtBottom(true);
        vm.append(lines(150, 200));
        assertThat(vm.scrollRequestsProperty().get()).isEqualTo(3);
    }

    @Test
    void searchFindsNextAndPreviousCaseInsensitivelyAndWraps() {
        LogPaneViewModel vm = new LogPaneViewModel(1000);
        vm.append(List.of(LogLine.out("Reading package lists"), LogLine.out("Unpacking openssl"), LogLine.err("E: dpkg error"),
                LogLine.out("Setting up OpenSSL")));
        vm.queryProperty().set("openssl");
        assertThat(vm.findNext()).isEqualTo(1);
        assertThat(vm.followProperty().get()).as("a hit stops following").isFalse();
        assertThat(vm.findNext()).isEqualTo(3);
        assertThat(vm.findNext()).as("wraps").isEqualTo(1);
        assertThat(vm.findPrevious()).isEqualTo(3);
        assertThat(vm.matches(vm.lines().get(3))).isTrue();
        assertThat(vm.matches(vm.lines().get(2))).isFalse();
        vm.queryProperty().set("nowhere");
        assertThat(vm.findNext()).isEqualTo(-1);
        assertThat(vm.matchProperty().get()).isEqualTo(-1);
    }

    @Test
    void aSearchHitMovesWithTheLinesWhenOlderOnesAreDropped() {
        LogPaneViewModel vm = new LogPaneViewModel(100);
        vm.append(lines(0, 100));
        vm.queryProperty().set("line 50");
        assertThat(vm.findNext()).isEqualTo(50);
        vm.append(lines(100, 120)); // trims 25 from the front
        assertThat(vm.lines().get(vm.matchProperty().get()).text()).isEqualTo("line 50");
    }

    @Test
    void copiedTextMarksStderrLines() {
        assertThat(LogPaneViewModel.text(List.of(LogLine.out("ok"), LogLine.err("bad"))))
                .isEqualTo("ok\n[stderr] bad\n");
    }
}
