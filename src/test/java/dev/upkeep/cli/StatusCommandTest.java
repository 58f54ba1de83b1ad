package dev.upkeep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.testfleet.TestFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line, in-process, against real servers of the test fleet. */
class StatusCommandTest {
    private static TestFleet fleet;
    private static SshStatusService service;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(2);
        service = new SshStatusService();
        fleet.server(0).requireReboot("linux-image-demo");
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

    private int run(String answers, String... args) {
        CommandLine cl = UpkeepCommand.commandLine(new UpkeepCommand(new WorkspaceStore(), () -> service)
                .withInput(new BufferedReader(new StringReader(answers))));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path save(Workspace ws) throws Exception {
        new WorkspaceStore().save(ws);
        return ws.file();
    }

    @Test
    void jsonHasExactlyTheDocumentedFields(@TempDir Path dir) throws Exception {
        Path file = save(FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers()));
        int exit = run("", "--workspace", file.toString(), "status", "--json");
        assertThat(exit).as(err.toString()).isZero();
        JsonNode array = new ObjectMapper().readTree(out.toString());
        assertThat(array).hasSize(2);
        List<String> fields = new ArrayList<>();
        Iterator<String> names = array.get(0).fieldNames();
        names.forEachRemaining(fields::add);
        assertThat(fields).containsExactly("application", "server", "reachable", "error", "os", "kernel", "bootId",
                "uptimeSeconds", "rebootRequired", "rebootPackages", "rebootRequiredSince", "securityUpdates",
                "otherUpdates", "packageListsUpdated", "unattendedUpgrades", "dockerVersion", "weaveVersion", "kex",
                "kexPostQuantum", "osId", "osVersion", "osCodename", "support", "esmEnabled", "installedKernel",
                "kernelUpdatePending", "phasedUpdates");
        JsonNode first = array.get(0);
        assertThat(first.get("server").asText()).isEqualTo("srv01");
        assertThat(first.get("rebootRequired").asBoolean()).isTrue();
        assertThat(first.get("rebootPackages").get(0).asText()).isEqualTo("linux-image-demo");
        assertThat(first.get("rebootRequiredSince").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(first.get("error").isNull()).isTrue();
        assertThat(first.get("bootId").asText()).isEqualTo(fleet.server(0).bootId());
        assertThat(array.get(1).get("rebootRequired").asBoolean()).isFalse();
    }

    /** docs/status.schema.json is the published contract: real output passes it, and it is strict enough to fail. */
    @Test
    void jsonOutputMatchesThePublishedSchema(@TempDir Path dir) throws Exception {
        var factory = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012);
        ObjectMapper json = new ObjectMapper();
        var schema = factory.getSchema(json.readTree(Path.of("docs/status.schema.json").toFile()));
        Server dead = new Server("dead", "127.0.0.1", 1, "root", fleet.clientKey().toString(), false, List.of());
        List<Server> servers = new ArrayList<>();
        servers.add(dead);
        for (var s : fleet.servers()) {
            servers.add(FleetWorkspaces.server(fleet, s, "root", false));
        }
        Path file = save(FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(),
                List.of(new Application("shop", null, null, null, servers))));
        assertThat(run("", "--workspace", file.toString(), "status", "--json")).isEqualTo(ExitCodes.SOME_FAILED);
        JsonNode array = json.readTree(out.toString());
        assertThat(array).hasSize(3);
        assertThat(array.get(1).get("kex").asText()).as("a reachable server's facts are there").isNotBlank();
        assertThat(schema.validate(array)).as(out.toString()).isEmpty();

        var lying = (com.fasterxml.jackson.databind.node.ObjectNode) array.get(0).deepCopy();
        lying.put("os", "Debian");
        var extra = (com.fasterxml.jackson.databind.node.ObjectNode) array.get(1).deepCopy();
        extra.put("surprise", 1);
        var zero = (com.fasterxml.jackson.databind.node.ObjectNode) array.get(1).deepCopy();
        zero.put("securityUpdates", -1);
        for (JsonNode bad : List.of(lying, extra, zero)) {
            assertThat(schema.validate(json.createArrayNode().add(bad))).as(bad.toString()).isNotEmpty();
        }
    }

    @Test
    void tableShowsTheRebootAndItsReason(@TempDir Path dir) throws Exception {
        Path file = save(FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers()));
        assertThat(run("", "--workspace", file.toString(), "status", "--server", "srv01")).isZero();
        assertThat(out.toString()).contains("srv01").contains("REBOOT REQUIRED")
                .contains("asked for by: linux-image-demo").doesNotContain("srv02");
    }

    @Test
    void anUnreachableServerMakesExitOne(@TempDir Path dir) throws Exception {
        Server dead = new Server("dead", "127.0.0.1", 1, "root", fleet.clientKey().toString(), false, List.of());
        Server alive = FleetWorkspaces.server(fleet, fleet.server(1), "root", false);
        Path file = save(FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(),
                List.of(new Application("shop", null, null, null, List.of(dead, alive)))));
        assertThat(run("", "--workspace", file.toString(), "status")).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(out.toString()).contains("UNREACHABLE").contains("srv02");
        assertThat(err.toString()).contains("shop/dead");
    }

    @Test
    void anUnreachableServerHasNoFactsInJsonOnlyNullsNeverFalseOrZero(@TempDir Path dir) throws Exception {
        Server dead = new Server("dead", "127.0.0.1", 1, "root", fleet.clientKey().toString(), false, List.of());
        Path file = save(FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(),
                List.of(new Application("shop", null, null, null, List.of(dead)))));
        assertThat(run("", "--workspace", file.toString(), "status", "--json")).isEqualTo(ExitCodes.SOME_FAILED);
        JsonNode row = new ObjectMapper().readTree(out.toString()).get(0);
        assertThat(row.get("reachable").asBoolean()).isFalse();
        assertThat(row.get("error").asText()).isNotBlank();
        for (String fact : List.of("os", "kernel", "bootId", "uptimeSeconds", "rebootRequired", "rebootPackages",
                "rebootRequiredSince", "securityUpdates", "otherUpdates", "packageListsUpdated", "unattendedUpgrades",
                "dockerVersion", "weaveVersion")) {
            assertThat(row.has(fact)).as(fact + " is in the contract").isTrue();
            assertThat(row.get(fact).isNull()).as(fact + " is unknown, not " + row.get(fact)).isTrue();
        }
        String table = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("", "--workspace", file.toString(), "status")).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(out.toString().lines().filter(l -> l.startsWith("shop")).findFirst().orElseThrow())
                .as(table).doesNotContainPattern("\\b(no|off|0)\\b");
    }

    @Test
    void badWorkspaceIsExitTwoAndUntouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ws.yml");
        String text = "applications:\n  - name: shop\n    servers:\n      - name: web1\n        hots: x\n";
        Files.writeString(file, text);
        assertThat(run("", "--workspace", file.toString(), "status")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(file + ":5").contains("unknown key 'hots'");
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void unknownServerNameIsExitTwo(@TempDir Path dir) throws Exception {
        Path file = save(FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers()));
        assertThat(run("", "--workspace", file.toString(), "status", "--server", "nope")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no server 'nope'");
    }

    @Test
    void trustAsksAndRecordsOnlyWhatWasAccepted(@TempDir Path dir) throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Path file = save(FleetWorkspaces.of(fleet, dir, knownHosts, fleet.servers()));
        assertThat(run("n\n", "--workspace", file.toString(), "trust", "srv01")).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(out.toString()).contains("SHA256:").contains("not trusted");
        assertThat(knownHosts).doesNotExist();

        assertThat(run("", "--workspace", file.toString(), "trust", "--app", "shop", "--yes")).isZero();
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + fleet.server(0).port())
                .contains("[127.0.0.1]:" + fleet.server(1).port());
        assertThat(run("", "--workspace", file.toString(), "status")).isZero();
    }

    /** known_hosts knows srv01 by an ECDSA P-384 key it does not have (any more): what it offers now is suspect. */
    @Test
    void trustShowsAPossibleSubstitutionWithBothFingerprintsAndTakesItOnlyOnATypedYes(@TempDir Path dir) throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Path oldKey = dir.resolve("old_host_key");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-b", "384", "-N", "", "-f", oldKey.toString())
                .redirectErrorStream(true).start().waitFor();
        String[] pub = Files.readString(Path.of(oldKey + ".pub")).split(" ");
        String hostName = "[127.0.0.1]:" + fleet.server(0).port();
        Files.writeString(knownHosts, hostName + " " + pub[0] + " " + pub[1] + "\n");
        String before = Files.readString(knownHosts);
        Process fp = new ProcessBuilder("ssh-keygen", "-lf", oldKey + ".pub").redirectErrorStream(true).start();
        String oldFingerprint = new String(fp.getInputStream().readAllBytes()).split(" ")[1];
        Path file = save(FleetWorkspaces.of(fleet, dir, knownHosts, List.of(fleet.server(0))));

        assertThat(run("", "--workspace", file.toString(), "trust", "srv01", "--yes")).isEqualTo(ExitCodes.SOME_FAILED);
        String shown = out.toString();
        assertThat(shown).contains("POSSIBLE HOST KEY SUBSTITUTION").contains(oldFingerprint)
                .contains("--yes never accepts a possible substitution");
        assertThat(List.of("ed25519", "ecdsa", "rsa")).anyMatch(t -> shown.contains(fleet.server(0).hostKeyFingerprint(t)));
        assertThat(Files.readString(knownHosts)).isEqualTo(before);

        assertThat(run("y\n", "--workspace", file.toString(), "trust", "srv01")).as("a letter is not enough")
                .isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(Files.readString(knownHosts)).isEqualTo(before);

        assertThat(run("yes\n", "--workspace", file.toString(), "trust", "srv01")).isZero();
        assertThat(Files.readAllLines(knownHosts)).hasSize(2).first().isEqualTo(before.strip());
        assertThat(run("", "--workspace", file.toString(), "status")).isZero();
    }
}
