package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.remote.RestartRules;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The detail pane's Services to restart list: unknown is never shown as none; refused services say why. */
class RestartSectionTest {
    @Test
    void listsServicesSaysWhySshdIsLeftAndStrayProcessesAreNamed() {
        RestartNeeds n = new RestartNeeds("scan", null, List.of(
                new RestartNeeds.Service("nginx.service", true, List.of(12), null),
                new RestartNeeds.Service("ssh.service", true, List.of(3), "sshd")),
                List.of(new RestartNeeds.StaleProcess(12, "nginx", "nginx.service", List.of()),
                        new RestartNeeds.StaleProcess(40, "sleep", null, List.of())), null);
        assertThat(RestartSection.lines(n)).containsExactly("nginx.service", "ssh.service (never restarted by Upkeep: sshd)",
                "process 40 sleep (no service: restart it by hand)");
        assertThat(n.restartable()).extracting(RestartNeeds.Service::name).containsExactly("nginx.service");
        assertThat(RestartSection.lines(RestartNeeds.cannotLook("cannot look without sudo", null)))
                .containsExactly("unknown: cannot look without sudo");
        assertThat(RestartSection.lines(new RestartNeeds("scan", null, List.of(), List.of(), null))).containsExactly("none");
        assertThat(RestartSection.lines(null)).containsExactly("—");
    }

    @Test
    void theRefusalOfSshdIsSaidOnceNotTwice() {
        String refusal = RestartRules.refusal("ssh.service", Set.of());
        RestartNeeds n = new RestartNeeds("scan", null, List.of(new RestartNeeds.Service("ssh.service", true, List.of(3), refusal)),
                List.of(), null);

        assertThat(RestartSection.lines(n)).containsExactly("ssh.service (" + refusal + ")");
        assertThat(refusal).startsWith("never restarted by Upkeep");
    }
}
