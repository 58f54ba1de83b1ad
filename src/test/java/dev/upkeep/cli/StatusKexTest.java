package dev.upkeep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code status} tells the negotiated key exchange per server (JSON {@code kex}, {@code kexPostQuantum}) and flags
 * a server reached without a post-quantum one: srv01 Debian 12 (sntrup761), srv02 Debian 13 (ML-KEM), srv03 Debian
 * 13 whose sshd allows only curve25519-sha256.
 */
class StatusKexTest {
    private static TestFleet fleet;
    private static SshStatusService service;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable(DebianRelease.DEBIAN_12, DebianRelease.DEBIAN_13);
        fleet = TestFleet.start(FleetOptions.servers(3).release(DebianRelease.DEBIAN_13, 1, 2));
        fleet.server(2).sshdOptions("KexAlgorithms curve25519-sha256");
        service = new SshStatusService();
    }

    @AfterAll
    static void stopFleet() {
        if (service != null) {
            service.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    private int run(Path dir, String... args) throws Exception {
        var ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers());
        new WorkspaceStore().save(ws);
        CommandLine cl = UpkeepCommand.commandLine(new UpkeepCommand(new WorkspaceStore(), () -> service));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--workspace";
        all[1] = ws.file().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    @Test
    void jsonNamesEachServersKeyExchangeAndWhetherItIsPostQuantum(@TempDir Path dir) throws Exception {
        assertThat(run(dir, "status", "--json")).as(err.toString()).isZero();
        JsonNode rows = new ObjectMapper().readTree(out.toString());

        assertThat(rows.get(0).get("kex").asText()).isEqualTo("sntrup761x25519-sha512");
        assertThat(rows.get(0).get("kexPostQuantum").asBoolean()).isTrue();
        assertThat(rows.get(1).get("kex").asText()).isEqualTo("mlkem768x25519-sha256");
        assertThat(rows.get(1).get("kexPostQuantum").asBoolean()).isTrue();
        assertThat(rows.get(2).get("kex").asText()).isEqualTo("curve25519-sha256");
        assertThat(rows.get(2).get("kexPostQuantum").isBoolean()).isTrue();
        assertThat(rows.get(2).get("kexPostQuantum").asBoolean()).isFalse();
    }

    @Test
    void theTableWarnsOnlyAboutTheServerWithoutPostQuantumKeyExchange(@TempDir Path dir) throws Exception {
        assertThat(run(dir, "status")).as(err.toString()).isZero();
        String[] lines = out.toString().split("\\R");

        assertThat(out.toString()).containsOnlyOnce("is not post-quantum");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("WARNING: key exchange")) {
                assertThat(lines[i - 1]).contains("srv03");
                assertThat(lines[i]).contains("curve25519-sha256 is not post-quantum");
            }
        }
    }
}
