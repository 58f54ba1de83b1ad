package dev.upkeep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.remote.StatusProbe;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code status --json} gives every OS the same fields: OS, support, ESM, running vs installed kernel, phased. */
class StatusJsonOsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static String probe(String id, String version, String codename, String esm, String apt) {
        return "@@upkeep-status 1\nos=\"Some OS\"\nos_ID=" + id + "\nos_VERSION_ID=\"" + version + "\"\nos_VERSION_CODENAME="
                + codename + "\nesm_sources=" + esm + "\nkernel=6.1.0-25-amd64\ninstalled_kernel=6.1.0-28-amd64\n"
                + "lists_updated=1795590000\n@@reboot_pkgs\n@@dpkg_audit\n@@apt\n" + apt + "@@end\n";
    }

    private static JsonNode rows(ServerStatus... statuses) throws Exception {
        return new ObjectMapper().readTree(StatusJson.format(List.of(statuses)));
    }

    @Test
    void debianAndUbuntuRowsHaveTheSameFieldsWithTheirOwnOsAndSupport() throws Exception {
        ServerStatus debian = StatusProbe.parse("shop", "db1", probe("debian", "13", "trixie", "0", ""), NOW);
        ServerStatus ubuntu = StatusProbe.parse("shop", "web1", probe("ubuntu", "22.04", "jammy", "1",
                "Phased systemd\n"), NOW);

        JsonNode json = rows(debian, ubuntu);

        List<String> debianFields = fieldNames(json.get(0));
        assertThat(fieldNames(json.get(1))).isEqualTo(debianFields);
        assertThat(debianFields).contains("osId", "osVersion", "osCodename", "support", "esmEnabled", "installedKernel",
                "kernelUpdatePending", "phasedUpdates");
        JsonNode d = json.get(0);
        assertThat(d.get("osId").asText()).isEqualTo("debian");
        assertThat(d.get("support").get("state").asText()).isEqualTo("standard");
        assertThat(d.get("support").get("standardUntil").asText()).isEqualTo("2028-08-09");
        assertThat(d.get("support").get("extended").asText()).isEqualTo("LTS");
        assertThat(d.get("esmEnabled").isNull()).isTrue();
        assertThat(d.get("kernel").asText()).isEqualTo("6.1.0-25-amd64");
        assertThat(d.get("installedKernel").asText()).isEqualTo("6.1.0-28-amd64");
        assertThat(d.get("kernelUpdatePending").asBoolean()).isTrue();
        assertThat(d.get("phasedUpdates").asInt()).isZero();
        JsonNode u = json.get(1);
        assertThat(u.get("osVersion").asText()).isEqualTo("22.04");
        assertThat(u.get("osCodename").asText()).isEqualTo("jammy");
        assertThat(u.get("support").get("extendedUntil").asText()).isEqualTo("2032-04-21");
        assertThat(u.get("esmEnabled").asBoolean()).isTrue();
        assertThat(u.get("phasedUpdates").asInt()).isEqualTo(1);
        assertThat(u.get("otherUpdates").asInt()).isZero();
    }

    @Test
    void anUnreachableServerHasNullsNotGuessesForTheOsFields() throws Exception {
        JsonNode row = rows(ServerStatus.unreachable("shop", "down", "connection refused", NOW)).get(0);

        assertThat(row.get("osId").isNull()).isTrue();
        assertThat(row.get("support").isNull()).isTrue();
        assertThat(row.get("phasedUpdates").isNull()).isTrue();
        assertThat(row.get("kernelUpdatePending").isNull()).isTrue();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
