package dev.upkeep.cli;

import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.remote.RestartRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** restart-services' list before it asks: each refused service says why, in RestartRules' words, once. */
class RestartNeedsTextTest {
    @Test
    void aRefusedServiceGivesItsReasonOnce() {
        String ssh = RestartRules.refusal("ssh.service", Set.of());
        String dbus = RestartRules.refusal("dbus.service", Set.of());
        RestartNeeds needs = new RestartNeeds("scan", null, List.of(
                new RestartNeeds.Service("nginx.service", true, List.of(12), null),
                new RestartNeeds.Service("ssh.service", true, List.of(3), ssh),
                new RestartNeeds.Service("dbus.service", true, List.of(5), dbus)), List.of(), null);
        ServerStatus s = new ServerStatus("shop", "web3", true, null, "Ubuntu 22.04", "5.15.0", "5.15.0", "b", 10L, false,
                List.of(), null, 0, 0, Instant.now(), true, null, null, Instant.now()).withPatchFacts(needs, null);

        assertThat(RestartNeedsText.line(s)).isEqualTo("services to restart: nginx.service, ssh.service (" + ssh
                + "), dbus.service (" + dbus + ")");
        assertThat(ssh).startsWith("never restarted by Upkeep");
    }
}
