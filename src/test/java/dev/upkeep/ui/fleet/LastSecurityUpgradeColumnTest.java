package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.SecurityPatchAge;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.run.ServerRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The main table's "Last security upgrade": days ago, amber (with an icon) past the workspace's patchAgeWarnDays. */
class LastSecurityUpgradeColumnTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static RowState row(SecurityPatchAge age) {
        ServerStatus s = new ServerStatus("shop", "web1", true, null, "Debian 12", "6.1.0", "6.1.0", "b", 10L, false,
                List.of(), null, 0, 0, NOW, true, null, null, NOW).withPatchFacts(null, age);
        return new RowState(new ServerRef("shop", "web1"), new Server("web1", "127.0.0.1", 22, "root", null, false, List.of()),
                s, Phase.IDLE, null);
    }

    private static SecurityPatchAge daysAgo(int days) {
        return new SecurityPatchAge(NOW.minus(Duration.ofDays(days)), NOW.minus(Duration.ofDays(400)), "unattended-upgrades");
    }

    @Test
    void daysAgoTurnAmberPastTheWorkspacesThreshold() {
        Columns fourteen = new Columns(() -> NOW, () -> 14);
        assertThat(fourteen.lastSecurityUpgrade(row(daysAgo(3)))).satisfies(c -> {
            assertThat(c.text()).isEqualTo("3 days ago");
            assertThat(c.tone()).isNotEqualTo(Tone.WARNING);
        });
        assertThat(fourteen.lastSecurityUpgrade(row(daysAgo(20)))).satisfies(c -> {
            assertThat(c.text()).isEqualTo("20 days ago");
            assertThat(c.tone()).isEqualTo(Tone.WARNING);
        });
        assertThat(new Columns(() -> NOW, () -> 30).lastSecurityUpgrade(row(daysAgo(20))).tone())
                .as("a workspace that allows 30 days").isNotEqualTo(Tone.WARNING);
        assertThat(fourteen.lastSecurityUpgrade(row(daysAgo(0))).text()).isEqualTo("today");
    }

    @Test
    void noneInLogsThatGoBackFurtherIsAmberAndUnreadIsUnknown() {
        Columns columns = new Columns(() -> NOW, () -> 14);
        CellView none = columns.lastSecurityUpgrade(row(new SecurityPatchAge(null, NOW.minus(Duration.ofDays(60)), null)));
        assertThat(none.text()).isEqualTo("none in the logs");
        assertThat(none.tone()).isEqualTo(Tone.WARNING);
        assertThat(columns.lastSecurityUpgrade(row(null)).text()).isEqualTo("unknown");
    }
}
