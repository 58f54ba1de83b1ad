package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.run.ServerRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The main table's "Services to restart" column: names (amber), "none", or "unknown" with the reason kept apart. */
class ServicesToRestartColumnTest {
    private static RowState row(RestartNeeds needs) {
        ServerStatus s = new ServerStatus("shop", "web1", true, null, "Debian 12", "6.1.0", "6.1.0", "b", 10L, false,
                List.of(), null, 0, 0, Instant.now(), true, null, null, Instant.now()).withPatchFacts(needs, null);
        return new RowState(new ServerRef("shop", "web1"), new Server("web1", "127.0.0.1", 22, "root", null, false, List.of()),
                s, Phase.IDLE, null);
    }

    @Test
    void namesTheServicesInAmberSaysNoneOrUnknown() {
        CellView names = Columns.servicesToRestart(row(new RestartNeeds("scan", null, List.of(
                new RestartNeeds.Service("nginx.service", true, List.of(12), null),
                new RestartNeeds.Service("ssh.service", true, List.of(3), "never restarted by Upkeep")), List.of(), null)));
        assertThat(names.text()).isEqualTo("nginx.service, ssh.service");
        assertThat(names.tone()).isEqualTo(Tone.WARNING);
        assertThat(Columns.servicesToRestart(row(new RestartNeeds("scan", null, List.of(), List.of(), null))).text()).isEqualTo("none");
        assertThat(Columns.servicesToRestart(row(RestartNeeds.cannotLook("cannot look without sudo", null))).text()).isEqualTo("unknown");
        assertThat(Columns.servicesToRestart(row(null)).text()).isEmpty();
    }
}
