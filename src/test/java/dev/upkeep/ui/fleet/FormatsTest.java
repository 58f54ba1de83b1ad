package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.ui.Canned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {
    @ParameterizedTest
    @CsvSource({"0,0 s", "59,59 s", "60,1 min", "3599,59 min", "3600,1 h 0 min", "18720,5 h 12 min", "86399,23 h 59 min",
            "86400,1 d 0 h", "273600,3 d 4 h"})
    void durationsReadLikeAPersonWouldSayThem(long seconds, String expected) {
        assertThat(Formats.duration(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @Test
    void packageListsOlderThanADayAreStale() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        assertThat(Formats.listsStale(withLists(now.minus(Duration.ofHours(23))), now)).isFalse();
        assertThat(Formats.listsStale(withLists(now.minus(Duration.ofHours(25))), now)).isTrue();
        assertThat(Formats.listsStale(withLists(null), now)).as("never updated").isTrue();
        assertThat(Formats.listsStale(Canned.unreachable("a", "b"), now)).as("unknown, not stale").isFalse();
    }

    @Test
    void kernelShowsTheInstalledOneOnlyWhenARebootWouldChangeIt() {
        assertThat(Formats.kernel(Canned.rebootRequired("a", "b"))).isEqualTo("5.15.0-101-generic → 5.15.0-105-generic");
        assertThat(Formats.kernel(Canned.healthy("a", "b"))).isEqualTo("5.15.0-105-generic");
        assertThat(Formats.kernel(Canned.unreachable("a", "b"))).isEmpty();
    }

    @Test
    void resultIsOkOrTheFirstLineOfTheError() {
        assertThat(Formats.result(Canned.healthy("a", "b"))).isEqualTo("ok");
        ServerStatus changed = ServerStatus.unreachable("a", "b", "HOST KEY CHANGED for 10.0.0.1:22\nold SHA256:x\nnew SHA256:y", Instant.now());
        assertThat(Formats.result(changed)).isEqualTo("HOST KEY CHANGED for 10.0.0.1:22");
    }

    @Test
    void rebootExplanationNamesPackagesAndSinceWhen() {
        ServerStatus s = Canned.rebootRequired("a", "b");
        String why = Explain.why(new RowState(new dev.upkeep.run.ServerRef("a", "b"), dev.upkeep.fleet.Server.of("b", "h"), s, Phase.IDLE),
                s.rebootRequiredSince().plus(Duration.ofHours(2)));
        assertThat(why).contains("Reboot required since", "(2 h 0 min ago)", "linux-image-5.15.0-105-generic, libc6");
    }

    private static ServerStatus withLists(Instant updated) {
        ServerStatus h = Canned.healthy("a", "b");
        return new ServerStatus("a", "b", true, null, h.os(), h.kernel(), h.installedKernel(), h.bootId(), h.uptimeSeconds(),
                false, List.of(), null, 0, 0, updated, true, null, null, h.checkedAt());
    }
}
