package dev.upkeep.testfleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Ubuntu-flavoured servers: Debian userlands that look like Ubuntu 22.04 and 24.04 where Upkeep looks. */
class UbuntuFlavoursTest {
    private static TestFleet fleet;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable(DebianRelease.UBUNTU_22_04, DebianRelease.UBUNTU_24_04);
        fleet = TestFleet.start(FleetOptions.servers(3).release(DebianRelease.UBUNTU_22_04, 0, 2)
                .release(DebianRelease.UBUNTU_24_04, 1).withUnattendedUpgrades(0, 1));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void osReleaseAndLsbReleaseSayUbuntuWithTheRightCodename() {
        TestServer jammy = fleet.server(0);
        TestServer noble = fleet.server(1);

        assertThat(jammy.run(". /etc/os-release && echo $ID $VERSION_ID $VERSION_CODENAME")).isEqualTo("ubuntu 22.04 jammy\n");
        assertThat(noble.run("lsb_release -is && lsb_release -cs && lsb_release -rs")).isEqualTo("Ubuntu\nnoble\n24.04\n");
        assertThat(jammy.call("sshd -V").stderr()).startsWith("OpenSSH_9.2");
        assertThat(noble.call("sshd -V").stderr()).startsWith("OpenSSH_10.");
    }

    @Test
    void pendingUpdatesComeFromUbuntuPockets() {
        TestServer jammy = fleet.server(2);

        String simulation = jammy.run("apt-get -q update >/dev/null && apt-get -s upgrade");

        assertThat(simulation)
                .contains("Inst upkeep-sec-demo [1.0] (1.1 Ubuntu:22.04/jammy-security [all])")
                .contains("Inst upkeep-other-demo [1.0] (1.1 Ubuntu:22.04/jammy-updates [all])");
        assertThat(jammy.run("apt-cache policy")).contains("o=UbuntuESM,a=jammy-infra-security");
        assertThat(jammy.call("test -e /var/lib/apt/periodic/update-success-stamp").exitCode())
                .as("update-notifier's stamp after a successful update").isZero();
    }

    @Test
    void stockUnattendedUpgradesOnUbuntuPicksOnlyTheSecurityPackage() {
        TestServer noble = fleet.server(1);

        String dryRun = noble.run("apt-get -q update >/dev/null && unattended-upgrades --dry-run --verbose 2>&1");

        assertThat(dryRun).contains("Allowed origins are: o=Ubuntu,a=noble, o=Ubuntu,a=noble-security")
                .contains("Packages that will be upgraded: upkeep-sec-demo\n");
    }

    /** apt 2.6 (the 22.04 look) says "kept back", apt 3.0 (the 24.04 look) "deferred due to phasing", as in Ubuntu. */
    @Test
    void aPhasedUpdateOutsideTheMachinesShareIsHeldBackByApt() {
        TestServer jammy = fleet.server(0);
        TestServer noble = fleet.server(1);
        jammy.install(DebPackage.of("upkeep-phased-demo", "1.0"));
        noble.install(DebPackage.of("upkeep-phased-demo", "1.0"));
        fleet.repo().publish("jammy-updates", DebPackage.of("upkeep-phased-demo", "1.1").phased(0));
        fleet.repo().publish("noble-updates", DebPackage.of("upkeep-phased-demo", "1.1").phased(0));

        String onJammy = jammy.run("apt-get -q update >/dev/null && apt-get -s upgrade");
        String onNoble = noble.run("apt-get -q update >/dev/null && apt-get -s upgrade");

        assertThat(onJammy).contains("The following packages have been kept back:\n  upkeep-phased-demo")
                .doesNotContain("Inst upkeep-phased-demo");
        assertThat(jammy.run("apt-cache policy upkeep-phased-demo")).contains("(phased 0%)");
        assertThat(onNoble).contains("The following upgrades have been deferred due to phasing:\n  upkeep-phased-demo")
                .doesNotContain("Inst upkeep-phased-demo");
    }

    @Test
    void needrestartAsksWhichServicesToRestartUnlessToldNotTo() {
        TestServer noble = fleet.server(1);

        // script(1) gives it a terminal, where it waits (1 s here) for an answer.
        String asked = noble.run("NEEDRESTART_STANDIN_WAIT=1 script -qec needrestart /dev/null");
        String automatic = noble.run("NEEDRESTART_MODE=a needrestart");

        assertThat(asked).contains("Which services should be restarted?");
        assertThat(automatic).contains("Restarting services...\n systemctl restart cron.service\n systemctl restart ssh.service");
    }

    @Test
    void aPackageAskingForARebootGoesThroughUpdateNotifiersHook() {
        TestServer jammy = fleet.server(2);

        jammy.install(DebPackage.of("linux-image-demo", "6.8.0-99").rebootRequired());

        assertThat(jammy.run("cat /var/run/reboot-required /var/run/reboot-required.pkgs"))
                .isEqualTo("*** System restart required ***\nlinux-image-demo\n");
    }
}
