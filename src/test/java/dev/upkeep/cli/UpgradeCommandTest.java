package dev.upkeep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.run.UpgradeHooks;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code upkeep upgrade} in-process against real servers of the test fleet: pre-flight, asking, streaming, exit codes. */
class UpgradeCommandTest {
    private static TestFleet fleet;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(3);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private int run(Path state, String answers, String... args) {
        UpkeepCommand top = new UpkeepCommand(new WorkspaceStore(), SshStatusService::new)
                .withInput(new BufferedReader(new StringReader(answers)));
        CommandLine cl = UpkeepCommand.commandLine(top);
        ((UpgradeCommand) cl.getSubcommands().get("upgrade").getCommand()).services = services(state);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static UpgradeServices services(Path state) {
        return new FleetUpgradeServices(state, UpgradeHooks.NONE);
    }

    private static Path save(Workspace ws) throws Exception {
        new WorkspaceStore().save(ws);
        return ws.file();
    }

    private static String version(TestServer s, String pkg) {
        return s.run("cat /usr/share/upkeep-demo/" + pkg + ".version").strip();
    }

    @Test
    void dryRunShowsWhatWouldBeUpgradedAndChangesNothing(@TempDir Path dir) throws Exception {
        Path ws = save(FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), List.of(fleet.server(0))));
        int exit = run(dir.resolve("state"), "", "--workspace", ws.toString(), "upgrade", "--security", "--dry-run");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("security upgrades on 1 server(s)")
                .contains("shop/srv01: 1 security update(s) would be applied; 1 other update(s) left alone")
                .contains("upkeep-sec-demo 1.1");
        assertThat(version(fleet.server(0), "upkeep-sec-demo")).isEqualTo("1.0");
        assertThat(dir.resolve("state/runs")).doesNotExist();
    }

    @Test
    void answeringNoChangesNothingAndYesUpgradesWithPrefixedOutputAndSummary(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(1);
        Path ws = save(FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), List.of(srv)));
        assertThat(run(dir.resolve("state"), "n\n", "--workspace", ws.toString(), "upgrade", "--security")).isZero();
        assertThat(err.toString()).contains("Apply these upgrades now? [y/N]").contains("Nothing was changed.");
        assertThat(version(srv, "upkeep-sec-demo")).isEqualTo("1.0");

        int exit = run(dir.resolve("state"), "y\n", "--workspace", ws.toString(), "upgrade", "--security", "--strategy", "serial");
        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("srv02 | Packages that will be upgraded: upkeep-sec-demo")
                .contains("srv02 > upgrading").contains("srv02 = done")
                .containsPattern("shop/srv02 +done .* yes +upkeep-sec-demo 1.1");
        assertThat(version(srv, "upkeep-sec-demo")).isEqualTo("1.1");
        try (var runs = Files.list(dir.resolve("state/runs"))) {
            Path run = runs.findFirst().orElseThrow();
            assertThat(run.resolve("summary.json")).exists();
            assertThat(run.resolve("shop--srv02.log")).exists();
        }
    }

    @Test
    void jsonStreamsOneObjectPerEventAndAFailedServerMeansExitOne(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Server gone = new Server("gone", "127.0.0.1", closedPort, "root", fleet.clientKey().toString(), false, List.of());
        Workspace w = FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(), List.of(new Application("shop", null, null, null,
                List.of(FleetWorkspaces.server(fleet, fleet.server(2), "root", false), gone))));
        int exit = run(dir.resolve("state"), "", "--workspace", save(w).toString(), "upgrade", "--security", "--yes", "--json");
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        List<JsonNode> events = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : out.toString().split("\n")) {
            events.add(mapper.readTree(line));
        }
        assertThat(events).allSatisfy(e -> assertThat(e.has("event") && e.has("run") && e.has("at")).isTrue());
        assertThat(events.get(0).get("event").asText()).isEqualTo("run-started");
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("event").asText()).isEqualTo("run-finished");
        assertThat(last.get("allSucceeded").asBoolean()).isFalse();
        assertThat(last.get("results").get(0).get("outcome").asText()).isEqualTo("DONE");
        assertThat(last.get("results").get(0).get("upgraded").get(0).asText()).isEqualTo("upkeep-sec-demo 1.1");
        assertThat(last.get("results").get(1).get("outcome").asText()).isEqualTo("FAILED");
        assertThat(events).anyMatch(e -> e.get("event").asText().equals("output") && e.get("server").asText().equals("shop/srv03"));

        // docs/upgrade-event.schema.json is the published contract for each line: real lines pass, and it can fail
        var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(mapper.readTree(Path.of("docs/upgrade-event.schema.json").toFile()));
        for (JsonNode e : events) {
            assertThat(schema.validate(e)).as(e.toString()).isEmpty();
        }
        List<String> steps = new ArrayList<>();
        mapper.readTree(Path.of("docs/upgrade-event.schema.json").toFile()).at("/$defs/step/enum").forEach(n -> steps.add(n.asText()));
        assertThat(steps).as("the schema names every step").containsExactly(java.util.Arrays.stream(dev.upkeep.run.RunStep.values())
                .map(Enum::name).toArray(String[]::new));
        var broken = (com.fasterxml.jackson.databind.node.ObjectNode) last.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("results").get(0)).remove("outcome");
        assertThat(schema.validate(broken)).as("a result without its outcome").isNotEmpty();
    }

    @Test
    void badInputIsExitTwoAndRunsNothing(@TempDir Path dir) throws Exception {
        Path ws = save(FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), List.of(fleet.server(0))));
        Path state = dir.resolve("state");
        assertThat(run(state, "", "--workspace", ws.toString(), "upgrade", "--yes")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("say what to upgrade");
        assertThat(run(state, "", "--workspace", ws.toString(), "upgrade", "--docker", "--yes")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("Docker upgrades are not available yet");
        assertThat(run(state, "", "--workspace", ws.toString(), "upgrade", "--security", "--server", "nope", "--yes")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run(state, "", "--workspace", ws.toString(), "upgrade", "--security", "--max-failures", "0", "--yes")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run(state, "", "--workspace", ws.toString(), "upgrade", "--security", "--strategy", "sideways")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(state).doesNotExist();
        assertThat(version(fleet.server(0), "upkeep-sec-demo")).isEqualTo("1.0");
    }
}
