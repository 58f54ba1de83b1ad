package dev.upkeep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cold {@code status --json} (a fresh JVM, as a user runs it) against two real Debian 12 servers (OpenSSH 9.2, so
 * sntrup761x25519) gives the same answer with the key-exchange warm-up on and off; with it on, the warm-up ran and
 * the connections took its ready key pairs.
 */
class KexWarmupStatusTest {
    @TempDir
    static Path dir;
    private static TestFleet fleet;
    private static Workspace workspace;

    @BeforeAll
    static void startFleet() throws Exception {
        TestFleet.assumeAvailable(DebianRelease.DEBIAN_12);
        fleet = TestFleet.start(FleetOptions.servers(2));
        workspace = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers());
        new WorkspaceStore().save(workspace);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aColdStatusGivesTheSameAnswerWithTheWarmupOnAndOff() throws Exception {
        Run off = status("false");
        Run on = status("true");

        assertThat(off.err).doesNotContain("kex warm-up");
        assertThat(on.err).contains("kex warm-up started");
        JsonNode offRows = comparable(off.out);
        JsonNode onRows = comparable(on.out);
        assertThat(onRows).hasSize(2);
        assertThat(onRows.get(0).get("kex").asText()).isEqualTo("sntrup761x25519-sha512");
        assertThat(onRows).isEqualTo(offRows);
    }

    private record Run(String out, String err) {
    }

    /** A fresh JVM running the launcher's command line, as ./upkeep does, with its own home and state. */
    private static Run status(String warmup) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-" + warmup));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Dupkeep.kex.warmup=" + warmup, "-Dupkeep.timing=DEBUG",
                "-Duser.home=" + home,
                "-Dlogback.configurationFile=" + Path.of(Launcher.class.getResource("/logback.xml").toURI()), "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--workspace", workspace.file().toString(), "status", "--json");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        Path err = dir.resolve("stderr-" + warmup);
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(err);
        assertThat(p.exitValue()).as(log).isZero();
        return new Run(out, log);
    }

    /** The rows without what changes from one run to the next (times, durations). */
    private static JsonNode comparable(String json) throws Exception {
        JsonNode rows = new ObjectMapper().readTree(json);
        for (JsonNode row : rows) {
            ((ObjectNode) row).remove(List.of("checkedAt", "durationMs", "uptime", "uptimeSeconds"));
        }
        return rows;
    }
}
