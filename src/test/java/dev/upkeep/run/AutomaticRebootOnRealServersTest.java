package dev.upkeep.run;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * unattended-upgrades never reboots a server behind Upkeep's back: not during Upkeep's security run, and not in the
 * daily runs it sets up, even where someone switched Automatic-Reboot on. The fleet's reboot stubs count boots.
 */
class AutomaticRebootOnRealServersTest {
    /** What an administrator may have put on a server: unattended-upgrades reboots when a package asks. */
    private static final byte[] LOCAL_REBOOT_ON = "Unattended-Upgrade::Automatic-Reboot \"true\";\n".getBytes(StandardCharsets.UTF_8);
    private static TestFleet fleet;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(FleetOptions.servers(2).withUnattendedUpgrades(0, 1).rebootDelay(Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    /** The daily run, as the server's own timer starts it: stock configuration, no Upkeep in between. */
    private static void stockUnattendedUpgrade(TestServer server) {
        server.call("unattended-upgrade -v");
    }

    @Test
    void withAutomaticRebootSwitchedOnAStockRunRebootsTheServerWhenAPackageAsks() {
        // The control: on this fleet a stock run really does reboot, so the test below can tell.
        TestServer server = fleet.server(1);
        server.writeFile("/etc/apt/apt.conf.d/52local-automatic-reboot", LOCAL_REBOOT_ON);
        server.requireReboot("linux-image-demo");
        int boots = server.boots();
        stockUnattendedUpgrade(server);
        await().atMost(Duration.ofSeconds(30)).until(() -> server.boots() == boots + 1 && server.isRunning());
    }

    @Test
    void upkeepsSecurityRunAndTheDailyRunsItSetsUpNeverRebootEvenWithAutomaticRebootSwitchedOn(@TempDir Path dir)
            throws Exception {
        TestServer server = fleet.server(0);
        server.writeFile("/etc/apt/apt.conf.d/52local-automatic-reboot", LOCAL_REBOOT_ON);
        int boots = server.boots();
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), List.of(server));

        ServerResult r = SecurityUpgradeOnRealServersTest.run(ws, RunOptions.security(10), dir.resolve("state")).results().get(0);

        assertThat(r.outcome()).as(r.message()).isEqualTo(RunStep.DONE);
        assertThat(r.upgraded()).contains("upkeep-sec-demo 1.1");
        assertThat(r.rebootRequired()).as("the upgrade asked for a reboot").isTrue();
        assertThat(server.boots()).as("Upkeep's own unattended-upgrade run did not reboot").isEqualTo(boots);
        assertThat(server.run("cat /etc/apt/apt.conf.d/99upkeep-no-automatic-reboot"))
                .contains("Unattended-Upgrade::Automatic-Reboot \"false\";");
        assertThat(server.run("cat /var/lib/upkeep/security-only/apt.conf.d/99upkeep-security-only"))
                .contains("Unattended-Upgrade::Automatic-Reboot \"false\";");
        assertThat(server.run("apt-config dump Unattended-Upgrade::Automatic-Reboot"))
                .as("what every later run of unattended-upgrades reads").contains("Unattended-Upgrade::Automatic-Reboot \"false\";");

        stockUnattendedUpgrade(server);
        assertThat(server.call("test -e /var/run/reboot-required").exitCode()).as("still pending").isZero();
        assertThat(server.boots()).as("the daily run did not reboot").isEqualTo(boots);
        assertThat(server.isRunning()).isTrue();
    }
}
