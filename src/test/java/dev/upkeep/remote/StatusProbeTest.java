package dev.upkeep.remote;

import dev.upkeep.fleet.ServerStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusProbeTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static final String REBOOT_NEEDED = """
            @@upkeep-status 1
            os="Ubuntu 22.04.4 LTS"
            kernel=5.15.0-91-generic
            installed_kernel=5.15.0-94-generic
            boot_id=0c4b2a3e-8f7d-4e55-9f34-5f1f0d7f2b11
            uptime=864123.45
            now=1795600000
            reboot_required_since=1795500000
            lists_updated=1795590000
            uu_status=install ok installed
            uu_periodic=APT::Periodic::Unattended-Upgrade "1";
            docker=24.0.7
            weave=weave script 2.8.1
            @@reboot_pkgs
            linux-image-5.15.0-94-generic
            linux-base
            linux-base
            @@dpkg_audit
            @@apt
            Inst libssl3 [3.0.2-0ubuntu1.12] (3.0.2-0ubuntu1.14 Ubuntu:22.04/jammy-updates, Ubuntu:22.04/jammy-security [amd64])
            Inst openssl [3.0.2-0ubuntu1.12] (3.0.2-0ubuntu1.14 Ubuntu:22.04/jammy-security [amd64])
            Inst vim [2:8.2.3995-1ubuntu2.13] (2:8.2.3995-1ubuntu2.15 Ubuntu:22.04/jammy-updates [amd64])
            @@end
            """;

    @Test
    void rebootRequiredServerIsReportedWithPackagesAndSince() {
        ServerStatus s = StatusProbe.parse("shop", "web1", REBOOT_NEEDED, NOW);
        assertThat(s.reachable()).isTrue();
        assertThat(s.os()).isEqualTo("Ubuntu 22.04.4 LTS");
        assertThat(s.rebootRequired()).isTrue();
        assertThat(s.rebootPackages()).containsExactly("linux-image-5.15.0-94-generic", "linux-base");
        assertThat(s.rebootRequiredSince()).isEqualTo(Instant.ofEpochSecond(1795500000));
        assertThat(s.kernelUpdatePending()).isTrue();
        assertThat(s.uptimeSeconds()).isEqualTo(864123L);
        assertThat(s.packageListsUpdated()).isEqualTo(Instant.ofEpochSecond(1795590000));
        assertThat(s.unattendedUpgrades()).isTrue();
        assertThat(s.dockerVersion()).isEqualTo("24.0.7");
        assertThat(s.weaveVersion()).isEqualTo("2.8.1");
        assertThat(s.checkedAt()).isEqualTo(NOW);
    }

    @Test
    void securityAndOtherUpdatesAreCountedSeparately() {
        ServerStatus s = StatusProbe.parse("shop", "web1", REBOOT_NEEDED, NOW);
        assertThat(s.securityUpdates()).isEqualTo(2);
        assertThat(s.otherUpdates()).isEqualTo(1);
    }

    @Test
    void cleanServerWithoutDockerOrWeaveOrLists() {
        String out = """
                @@upkeep-status 1
                os="Debian GNU/Linux 12 (bookworm)"
                kernel=6.1.0-18-amd64
                installed_kernel=
                boot_id=abc
                uptime=12.00
                lists_updated=
                uu_status=
                uu_periodic=
                @@reboot_pkgs
                @@dpkg_audit
                @@apt
                @@end
                """;
        ServerStatus s = StatusProbe.parse("a", "b", out, NOW);
        assertThat(s.rebootRequired()).isFalse();
        assertThat(s.rebootPackages()).isEmpty();
        assertThat(s.dockerVersion()).isNull();
        assertThat(s.weaveVersion()).isNull();
        assertThat(s.packageListsUpdated()).isNull();
        assertThat(s.unattendedUpgrades()).isFalse();
        assertThat(s.installedKernel()).isNull();
        assertThat(s.kernelUpdatePending()).isFalse();
        assertThat(s.securityUpdates()).isZero();
    }

    @Test
    void aProbeCutOffBeforeItsEndLeavesWhatItDidNotReachUnknownNotNo() {
        String out = """
                @@upkeep-status 1
                os="Debian GNU/Linux 12 (bookworm)"
                kernel=6.1.0-18-amd64
                boot_id=abc
                uptime=12.00
                now=1795590100
                """;
        ServerStatus s = StatusProbe.parse("a", "b", out, NOW);
        assertThat(s.reachable()).isTrue();
        assertThat(s.kernel()).isEqualTo("6.1.0-18-amd64");
        assertThat(s.rebootRequired()).as("the reboot check was not reached").isNull();
        assertThat(s.securityUpdates()).isNull();
        assertThat(s.otherUpdates()).isNull();
        assertThat(s.unattendedUpgrades()).isNull();
        assertThat(s.needsAttention()).isFalse();
        assertThat(s.needsReboot()).isFalse();
    }

    /** A login banner is not the probe: its "@@end" must not make a cut-short probe look complete and up to date. */
    @Test
    void aSectionPrintedBeforeTheHeaderIsIgnored() {
        String out = """
                @@end
                @@dpkg_audit
                banner noise
                @@upkeep-status 1
                os="Debian GNU/Linux 12 (bookworm)"
                kernel=6.1.0-18-amd64
                """;
        ServerStatus s = StatusProbe.parse("a", "b", out, NOW);
        assertThat(s.securityUpdates()).as("the probe never reached its apt section").isNull();
        assertThat(StatusProbe.dpkgAudit(out)).isEmpty();
    }

    @Test
    void outputWithoutHeaderIsRefused() {
        assertThatThrownBy(() -> StatusProbe.parse("a", "b", "This account is currently not available.\n", NOW))
                .isInstanceOf(ProbeException.class)
                .hasMessageContaining("currently not available");
    }

    @Test
    void interruptedDpkgIsSeen() {
        String out = "@@upkeep-status 1\n@@dpkg_audit\nThe following packages are only half configured\n foo\n@@apt\n@@end\n";
        assertThat(StatusProbe.dpkgAudit(out)).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "install ok installed|APT::Periodic::Unattended-Upgrade \"1\";|true",
            "install ok installed|APT::Periodic::Unattended-Upgrade \"0\";|false",
            "install ok installed||false",
            "deinstall ok config-files|APT::Periodic::Unattended-Upgrade \"1\";|false",
            "|APT::Periodic::Unattended-Upgrade \"1\";|false"})
    void unattendedUpgradesNeedsPackageAndPeriodicSetting(String status, String periodic, boolean on) {
        assertThat(StatusProbe.unattendedUpgradesOn(status, periodic)).isEqualTo(on);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "24.0.7|24.0.7",
            "Docker version 20.10.21, build baeda1f|20.10.21",
            "18.03.0-ce|18.03.0-ce",
            "weave script 2.8.1|2.8.1",
            "garbage|"})
    void versionsAreTakenFromToolOutput(String text, String expected) {
        assertThat(StatusProbe.version(text)).isEqualTo(expected);
    }

    @Test
    void debianSecurityLabelCountsAsSecurity() {
        PendingUpdates p = PendingUpdates.parse(List.of(
                "Inst upkeep-sec-demo [1.0] (1.1 Debian-Security:12/bookworm-security [all])",
                "Inst upkeep-other-demo [1.0] (1.1 Debian:12/bookworm [all])",
                "Inst newpkg (2.0 Debian:12/bookworm [amd64])"));
        assertThat(p.securityPackages()).containsExactly("upkeep-sec-demo 1.1");
        assertThat(p.otherPackages()).containsExactly("upkeep-other-demo 1.1", "newpkg 2.0");
    }
}
