package dev.upkeep.cli;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.remote.StatusProbe;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The terminal table: under each server its release's support state, and Ubuntu's phased updates when there are any. */
class StatusTableOsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void eachServerHasItsSupportLineAndPhasedUpdatesAreSaidNotCounted() {
        ServerStatus noble = StatusProbe.parse("shop", "web1", "@@upkeep-status 1\nos=\"Ubuntu 24.04 LTS\"\nos_ID=ubuntu\n"
                + "os_VERSION_ID=\"24.04\"\nos_VERSION_CODENAME=noble\nesm_sources=0\nlists_updated=1795590000\n"
                + "@@reboot_pkgs\n@@dpkg_audit\n@@apt\nPhased systemd\n@@end\n", NOW);
        ServerStatus bookworm = StatusProbe.parse("shop", "db1", "@@upkeep-status 1\nos=\"Debian GNU/Linux 12 (bookworm)\"\n"
                + "os_ID=debian\nos_VERSION_ID=\"12\"\nos_VERSION_CODENAME=bookworm\nesm_sources=0\nlists_updated=1795590000\n"
                + "@@reboot_pkgs\n@@dpkg_audit\n@@apt\n@@end\n", NOW);

        List<String> lines = StatusTable.format(List.of(noble, bookworm)).lines().toList();

        assertThat(lines.get(1)).contains("web1").contains("Ubuntu 24.04 LTS");
        assertThat(lines.get(2)).isEqualTo("    Ubuntu 24.04 LTS (noble): standard support until 2029-05-31; ESM not enabled");
        assertThat(lines.get(3)).isEqualTo("    1 phased update(s) held back by Ubuntu's staged roll-out (not pending here yet)");
        assertThat(lines.get(4)).contains("db1");
        assertThat(lines.get(5))
                .isEqualTo("    Debian 12 (bookworm): LTS only until 2028-06-30 (standard support ended 2026-07-11)");
    }
}
