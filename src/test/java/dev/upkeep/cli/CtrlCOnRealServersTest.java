package dev.upkeep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.RebootPolicy;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ctrl-C in a real {@code upkeep reboot} process (SIGINT to its PID) against servers that really reboot. */
class CtrlCOnRealServersTest {
    private static final RebootPolicy QUICK = RebootPolicy.DEFAULTS.withTimeoutSeconds(60)
            .withHealthCheck(RebootPolicy.HealthCheck.command("test -d /proc/1"));
    private static TestFleet fleet;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(FleetOptions.servers(6).rebootDelay(Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static Path workspace(Path dir, TestServer... servers) throws Exception {
        List<Server> list = new ArrayList<>();
        for (TestServer s : servers) {
            list.add(FleetWorkspaces.server(fleet, s, "root", false));
        }
        new WorkspaceStore().save(FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(),
                List.of(new Application("shop", "production", null, null, list, QUICK))));
        return dir.resolve("workspace.yml");
    }

    private static JsonNode summary(Path state) throws Exception {
        Path runs = state.resolve("upkeep/runs");
        try (Stream<Path> dirs = Files.list(runs)) {
            Path run = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
            return new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        }
    }

    private static List<String> outcomes(JsonNode summary) {
        List<String> out = new ArrayList<>();
        summary.get("results").forEach(r -> out.add(r.get("outcome").asText()));
        return out;
    }

    @Test
    void ctrlCWhileAServerRebootsWaitsForItVerifiesItPrintsTheSummaryRecordsTheRunAsCancelledAndExits130(@TempDir Path dir)
            throws Exception {
        TestServer first = fleet.server(0);
        TestServer second = fleet.server(1);
        TestServer third = fleet.server(2);
        int[] boots = {first.boots(), second.boots(), third.boots()};
        Path ws = workspace(dir, first, second, third);
        try (CliProcess upkeep = CliProcess.start(dir.resolve("state"), "--workspace", ws.toString(), "reboot",
                "--strategy", "serial", "--yes")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> upkeep.out().contains(first.name() + " > waiting for boot"));
            upkeep.interrupt();

            assertThat(upkeep.exit(120)).as(upkeep.err()).isEqualTo(ExitCodes.CANCELLED);
            assertThat(upkeep.err()).contains("Ctrl-C: cancelling. No new server starts")
                    .contains("still waiting for " + first.name() + " to come back and be verified;"
                            + " press Ctrl-C again to stop waiting and leave it unverified.")
                    .contains("Cancelled: 1 done, 2 not started.");
            assertThat(upkeep.out()).containsPattern("shop/" + first.name() + " +done +.*rebooted: back after \\d+ s, boot id changed")
                    .containsPattern("shop/" + second.name() + " +not started .*cancelled before it started")
                    .contains("== cancelled: no new server starts");
        }
        assertThat(first.boots()).isEqualTo(boots[0] + 1);
        assertThat(second.boots()).isEqualTo(boots[1]);
        assertThat(third.boots()).isEqualTo(boots[2]);
        JsonNode summary = summary(dir.resolve("state"));
        assertThat(summary.get("cancelled").asBoolean()).isTrue();
        assertThat(summary.get("finished").isTextual()).as("a finished record").isTrue();
        assertThat(outcomes(summary)).containsExactly("DONE", "NOT_STARTED", "NOT_STARTED");
    }

    @Test
    void aSecondCtrlCStopsWaitingLeavesTheServerUnverifiedAndStillRecordsTheRun(@TempDir Path dir) throws Exception {
        TestServer gone = fleet.server(3).rebootDelay(Duration.ofMinutes(10));
        TestServer other = fleet.server(4);
        Path ws = workspace(dir, gone, other);
        try (CliProcess upkeep = CliProcess.start(dir.resolve("state"), "--workspace", ws.toString(), "reboot",
                "--strategy", "serial", "--yes")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> upkeep.out().contains(gone.name() + " > waiting for boot"));
            upkeep.interrupt();
            await().atMost(Duration.ofSeconds(30)).until(() -> upkeep.err().contains("press Ctrl-C again"));
            assertThat(upkeep.isAlive()).as("still waiting for the reboot").isTrue();
            upkeep.interrupt();

            assertThat(upkeep.exit(60)).as(upkeep.err()).isEqualTo(ExitCodes.CANCELLED);
            assertThat(upkeep.err()).contains("Ctrl-C again: no longer waiting; " + gone.name() + " left unverified (mid-reboot)")
                    .contains("Cancelled: 1 not started, 1 unverified (mid-reboot, check by hand: " + gone.name() + ").");
            assertThat(upkeep.out()).containsPattern("shop/" + gone.name() + " +unverified .*mid-reboot: the reboot was issued");
        }
        JsonNode summary = summary(dir.resolve("state"));
        assertThat(summary.get("cancelled").asBoolean()).isTrue();
        assertThat(outcomes(summary)).containsExactly("UNVERIFIED", "NOT_STARTED");
        assertThat(summary.get("results").get(0).get("rebootRequired").asBoolean()).isTrue();
    }
}
