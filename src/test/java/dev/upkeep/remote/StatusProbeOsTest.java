package dev.upkeep.remote;

import dev.upkeep.fleet.OsSupport;
import dev.upkeep.fleet.ServerStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What the status probe learns about the OS: os-release, ESM, support state, phased updates. */
class StatusProbeOsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static String probe(String osLines, String aptLines) {
        return "@@upkeep-status 1\nos=\"X\"\n" + osLines + "kernel=6.8.0-45-generic\nlists_updated=1795590000\n"
                + "@@reboot_pkgs\n@@dpkg_audit\n@@apt\n" + aptLines + "@@end\n";
    }

    @Test
    void ubuntuWithEsmSourcesIsNamedWithItsSupportDatesAndEsmEnabled() {
        ServerStatus s = StatusProbe.parse("shop", "web1", probe(
                "os_ID=ubuntu\nos_VERSION_ID=\"22.04\"\nos_VERSION_CODENAME=jammy\nesm_sources=2\n", ""), NOW);

        assertThat(s.osInfo().id()).isEqualTo("ubuntu");
        assertThat(s.osInfo().version()).isEqualTo("22.04");
        assertThat(s.osInfo().codename()).isEqualTo("jammy");
        assertThat(s.osInfo().esmEnabled()).isTrue();
        assertThat(s.support().state()).isEqualTo(OsSupport.State.STANDARD);
        assertThat(s.supportSummary())
                .isEqualTo("Ubuntu 22.04 LTS (jammy): standard support until 2027-06-01; ESM enabled");
    }

    @Test
    void ubuntuWithoutEsmSourcesSaysEsmIsNotEnabled() {
        ServerStatus s = StatusProbe.parse("shop", "web1", probe(
                "os_ID=ubuntu\nos_VERSION_ID=\"24.04\"\nos_VERSION_CODENAME=noble\nesm_sources=0\n", ""), NOW);

        assertThat(s.osInfo().esmEnabled()).isFalse();
        assertThat(s.supportSummary()).endsWith("; ESM not enabled");
    }

    @Test
    void debian12AfterItsStandardSupportIsLtsOnlyAndHasNoEsm() {
        ServerStatus s = StatusProbe.parse("shop", "db1", probe(
                "os_ID=debian\nos_VERSION_ID=\"12\"\nos_VERSION_CODENAME=bookworm\nesm_sources=0\n", ""), NOW);

        assertThat(s.osInfo().esmEnabled()).isNull();
        assertThat(s.support().state()).isEqualTo(OsSupport.State.EXTENDED);
        assertThat(s.supportSummary())
                .isEqualTo("Debian 12 (bookworm): LTS only until 2028-06-30 (standard support ended 2026-07-11)");
    }

    @Test
    void aReleaseNotInTheTableHasUnknownSupportNotAGuess() {
        ServerStatus s = StatusProbe.parse("shop", "old", probe(
                "os_ID=ubuntu\nos_VERSION_ID=\"18.04\"\nos_VERSION_CODENAME=bionic\nesm_sources=0\n", ""), NOW);

        assertThat(s.support()).isEqualTo(OsSupport.UNKNOWN);
        assertThat(s.supportSummary()).isEqualTo("X: support unknown; ESM not enabled");
    }

    @Test
    void anOlderProbeWithoutOsLinesLeavesTheOsUnknown() {
        ServerStatus s = StatusProbe.parse("shop", "web1", probe("", ""), NOW);

        assertThat(s.osInfo()).isNull();
        assertThat(s.supportSummary()).isNull();
    }

    @Test
    void updatesDeferredByPhasingAreCountedAsPhasedNotPending() {
        ServerStatus s = StatusProbe.parse("shop", "web1", probe("os_ID=ubuntu\nos_VERSION_ID=\"24.04\"\n",
                "Inst openssl [3.0.13-0ubuntu3.4] (3.0.13-0ubuntu3.5 Ubuntu:24.04/noble-security [amd64])\n"
                        + "Phased systemd\nPhased libsystemd0\n"), NOW);

        assertThat(s.securityUpdates()).isEqualTo(1);
        assertThat(s.otherUpdates()).isZero();
        assertThat(s.phasedUpdates()).isEqualTo(2);
        assertThat(s.needsAttention()).isTrue();
    }

    @Test
    void aCutShortProbeLeavesPhasedUnknown() {
        String cut = probe("os_ID=ubuntu\n", "Phased systemd\n").replace("@@end\n", "");

        assertThat(StatusProbe.parse("shop", "web1", cut, NOW).phasedUpdates()).isNull();
    }
}
