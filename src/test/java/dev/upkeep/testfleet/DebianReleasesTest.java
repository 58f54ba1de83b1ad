package dev.upkeep.testfleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A mixed fleet: srv01 runs Debian 12, srv02 and srv03 Debian 13, each with its own release's sshd and suites. */
class DebianReleasesTest {
    private static TestFleet fleet;
    private static OpenSshClient ssh;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable(DebianRelease.DEBIAN_12, DebianRelease.DEBIAN_13);
        fleet = TestFleet.start(FleetOptions.servers(3).release(DebianRelease.DEBIAN_13, 1, 2).withUnattendedUpgrades(2));
        ssh = new OpenSshClient(fleet);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void eachServerRunsItsReleaseWithItsOpenSsh() {
        TestServer bookworm = fleet.server(0);
        TestServer trixie = fleet.server(1);

        assertThat(bookworm.release()).isEqualTo(DebianRelease.DEBIAN_12);
        assertThat(trixie.release()).isEqualTo(DebianRelease.DEBIAN_13);
        assertThat(bookworm.run(". /etc/os-release && echo $VERSION_CODENAME $VERSION_ID")).isEqualTo("bookworm 12\n");
        assertThat(trixie.run(". /etc/os-release && echo $VERSION_CODENAME $VERSION_ID")).isEqualTo("trixie 13\n");
        assertThat(bookworm.call("sshd -V").stderr()).startsWith("OpenSSH_9.2");
        assertThat(trixie.call("sshd -V").stderr()).startsWith("OpenSSH_10.");
    }

    @Test
    void aDebian13ServerAnswersSshAsRootAndDeploy() {
        TestServer trixie = fleet.server(1);

        CommandResult root = ssh.run(trixie, "root", "cat /proc/sys/kernel/random/boot_id");
        CommandResult deploy = ssh.run(trixie, "deploy", "hostname && sudo -n id -u");

        assertThat(root.exitCode()).as(root.stderr()).isZero();
        assertThat(root.stdout().trim()).isEqualTo(trixie.bootId());
        assertThat(deploy.stdout()).isEqualTo("srv02\n0\n");
    }

    @Test
    void aDebian13ServerSeesTrixieSuitesOnly() {
        TestServer trixie = fleet.server(1);

        String sources = trixie.run("cat /etc/apt/sources.list.d/debian.sources");
        String simulation = trixie.run("apt-get -q update >/dev/null && apt-get -s upgrade");

        assertThat(sources).contains("Suites: trixie trixie-updates trixie-security").doesNotContain("bookworm");
        assertThat(simulation)
                .contains("Inst upkeep-sec-demo [1.0] (1.1 Debian-Security:13/stable-security [all])")
                .contains("Inst upkeep-other-demo [1.0] (1.1 Debian:13/stable-updates [all])");
        assertThat(fleet.repo().suiteNames()).containsAll(List.of("bookworm-security", "trixie-security"));
    }

    @Test
    void stockUnattendedUpgradesOnDebian13PicksOnlyTheSecurityPackage() {
        TestServer trixie = fleet.server(2);

        String dryRun = trixie.run("apt-get -q update >/dev/null && unattended-upgrades --dry-run --verbose 2>&1");

        assertThat(trixie.run("dpkg-query -W -f '${Version}' unattended-upgrades")).startsWith("2.");
        assertThat(dryRun).contains("Packages that will be upgraded: upkeep-sec-demo\n");
    }

    @Test
    void unattendedUpgradesInstallsOnDebian13FromTheLocalRepo() {
        TestServer trixie = fleet.server(1);

        trixie.run("apt-get -q update >/dev/null && apt-get install -y -q unattended-upgrades >/dev/null");

        assertThat(trixie.run("dpkg-query -W -f '${Status}' unattended-upgrades")).isEqualTo("install ok installed");
    }

    @Test
    void sshdOptionsRestartTheServerWithThoseLinesFirst() {
        TestServer trixie = fleet.server(2);
        String bootBefore = trixie.bootId();
        try {
            trixie.sshdOptions("KexAlgorithms mlkem768x25519-sha256", "Ciphers aes256-gcm@openssh.com");

            String effective = trixie.run("sshd -T -f /etc/ssh/sshd_config | grep -E '^(kexalgorithms|ciphers) '");
            assertThat(effective).isEqualTo("ciphers aes256-gcm@openssh.com\nkexalgorithms mlkem768x25519-sha256\n");
            assertThat(trixie.bootId()).isNotEqualTo(bootBefore);
            assertThat(ssh.run(trixie, "root", "true").exitCode()).as("OpenSSH 9.2's ssh has no ML-KEM").isEqualTo(255);
        } finally {
            trixie.sshdOptions();
        }
        assertThat(ssh.run(trixie, "root", "true").exitCode()).isZero();
    }
}
