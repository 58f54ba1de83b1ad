package dev.upkeep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.report.ReportFormats;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.fleet.Application;
import dev.upkeep.testfleet.DockerRepo;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.LibraryDemo;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import dev.upkeep.testfleet.WeaveScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upkeep report} on real servers: srv01 needs a reboot (libc6) and runs a service on a replaced library,
 * srv02 is up to date with a security upgrade in its apt history, srv03 is down. Every format is read back: JSON with
 * Jackson, CSV with an RFC 4180 reader, HTML as a DOM (it is well-formed XML: no script, nothing fetched).
 */
class ReportCommandTest {
    private static TestFleet fleet;
    private static DockerRepo docker;
    @TempDir
    static Path dir;

    @BeforeAll
    static void startFleet() throws Exception {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(FleetOptions.servers(3));
        TestServer first = fleet.server(0);
        fleet.repo().publish("bookworm", LibraryDemo.library(first, "1.0"), LibraryDemo.service(first, "1.0"));
        fleet.repo().publish("bookworm-security", LibraryDemo.library(first, "1.1"));
        first.run("apt-get -q update && apt-get install -y -q " + LibraryDemo.SERVICE + " " + LibraryDemo.LIBRARY + "=1.0");
        LibraryDemo.start(first);
        first.run("apt-get install -y -q " + LibraryDemo.LIBRARY);
        first.requireReboot("libc6");
        fleet.server(1).run("apt-get -q update && apt-get install -y -q " + LibraryDemo.LIBRARY);
        docker = DockerRepo.start(fleet);
        docker.addTo(fleet.server(1));
        docker.install(fleet.server(1), DockerRepo.OLD);
        WeaveScripts.install(fleet.server(1), WeaveScripts.OLD);
        new WorkspaceStore().save(FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers()));
        fleet.server(2).stop();
    }

    @AfterAll
    static void stopFleet() {
        if (docker != null) {
            docker.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        return runOn(dir.resolve("workspace.yml"), args);
    }

    private static Result runOn(Path workspace, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = UpkeepCommand.commandLine(new UpkeepCommand(new WorkspaceStore(), SshStatusService::new));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--workspace", workspace.toString()));
        all.addAll(List.of(args));
        return new Result(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void jsonHasTheSummaryAndEveryFieldOfEveryServer() throws Exception {
        Result r = run("report", "--format", "json");
        assertThat(r.exit).as("srv03 is down").isEqualTo(ExitCodes.SOME_FAILED);
        JsonNode top = new ObjectMapper().readTree(r.out);
        assertThat(top.get("patchAgeWarnDays").asInt()).isEqualTo(14);
        assertThat(top.get("serversByState").get("reboot required").asInt()).isEqualTo(1);
        assertThat(top.get("serversByState").get("unreachable").asInt()).isEqualTo(1);
        assertThat(top.get("serversByPatchAge").get("unknown").asInt()).isEqualTo(1);
        JsonNode srv01 = top.get("servers").get(0);
        assertThat(srv01.get("server").asText()).isEqualTo("srv01");
        assertThat(srv01.get("state").asText()).isEqualTo("reboot required");
        assertThat(srv01.get("rebootRequired").asBoolean()).isTrue();
        assertThat(srv01.get("rebootPackages").get(0).asText()).isEqualTo("libc6");
        assertThat(srv01.get("rebootRequiredSince").asText()).isNotBlank();
        assertThat(srv01.get("os").asText()).contains("Debian");
        assertThat(srv01.get("kernelRunning").asText()).isNotBlank();
        assertThat(srv01.get("servicesToRestart").get(0).asText()).isEqualTo(LibraryDemo.SERVICE);
        assertThat(srv01.get("lastSecurityUpgradeDaysAgo").asLong()).as("the library's security upgrade just now").isZero();
        JsonNode srv02 = top.get("servers").get(1);
        assertThat(srv02.get("servicesToRestart")).hasSize(0);
        assertThat(srv02.get("securityUpdates").isInt()).isTrue();
        assertThat(srv02.get("unattendedUpgrades").isBoolean()).isTrue();
        JsonNode srv03 = top.get("servers").get(2);
        assertThat(srv03.get("reachable").asBoolean()).isFalse();
        assertThat(srv03.get("error").asText()).isNotBlank();
        assertThat(srv03.get("os").isNull()).as("unknown is null").isTrue();
        assertThat(srv03.get("rebootRequired").isNull()).isTrue();
    }

    @Test
    void csvReadsBackWithOneRowPerServer() {
        Result r = run("report", "--format", "csv", "--server", "srv01", "--server", "srv02");
        assertThat(r.exit).as(r.err).isZero();
        List<List<String>> rows = PackagesCommandTest.Csv.parse(r.out);
        assertThat(rows.get(0)).isEqualTo(ReportFormats.CSV_COLUMNS);
        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row).hasSize(ReportFormats.CSV_COLUMNS.size()));
        List<String> srv01 = rows.get(1);
        assertThat(srv01.get(1)).isEqualTo("srv01");
        assertThat(srv01.get(2)).isEqualTo("reboot required");
        assertThat(srv01.get(8)).isEqualTo("true");
        assertThat(srv01.get(10)).isEqualTo("libc6");
        assertThat(srv01.get(14)).isEqualTo("0");
        assertThat(srv01.get(16)).isEqualTo(LibraryDemo.SERVICE);
        assertThat(rows.get(2).get(2)).isIn("up to date", "security updates pending");
    }

    @Test
    void htmlIsSelfContainedWithChartsAndARowPerServerAndTheFileIsPrivate() throws Exception {
        Path file = dir.resolve("report.html");
        Result r = run("report", "--format", "html", "--out", file.toString());
        assertThat(r.err).contains("Report written to " + file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String html = Files.readString(file);
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=")
                .doesNotContain("url(").contains("@media print");
        Document dom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(dom.getElementsByTagName("svg").getLength()).isEqualTo(2);
        NodeList rows = ((Element) dom.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        assertThat(rows.getLength()).isEqualTo(3);
        String srv01 = rows.item(0).getTextContent();
        assertThat(srv01).contains("shop/srv01").contains("reboot required").contains("(libc6)").contains(LibraryDemo.SERVICE);
        assertThat(((Element) rows.item(0)).getAttribute("class")).isEqualTo("bad");
        assertThat(rows.item(2).getTextContent()).contains("shop/srv03").contains("unreachable");
        String states = dom.getElementsByTagName("svg").item(0).getTextContent();
        assertThat(states).contains("Servers by state").contains("reboot required1").contains("unreachable1");
    }

    @Test
    void theWorkspacesPatchAgeWarnDaysIsUsedUnlessWarnDaysIsGiven() throws Exception {
        WorkspaceStore store = new WorkspaceStore();
        dev.upkeep.fleet.Workspace ws = store.load(dir.resolve("workspace.yml"));
        Path file = dir.resolve("warn30.yml");
        store.save(new dev.upkeep.fleet.Workspace(file, ws.settings().withPatchAgeWarnDays(30), ws.applications()));
        assertThat(java.nio.file.Files.readString(file)).contains("patchAgeWarnDays: 30");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(runOn(file, "report", "--format", "json", "--server", "srv01").out).get("patchAgeWarnDays").asInt())
                .isEqualTo(30);
        assertThat(json.readTree(runOn(file, "report", "--format", "json", "--server", "srv01", "--warn-days", "7").out)
                .get("patchAgeWarnDays").asInt()).isEqualTo(7);
    }

    @Test
    void badOptionsAreExitTwo() {
        assertThat(run("report").exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("report", "--format", "pdf").exit).isEqualTo(ExitCodes.BAD_INPUT);
        Result r = run("report", "--format", "csv", "--out", dir.resolve("nope/report.csv").toString());
        assertThat(r.exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err).contains("--out: no folder");
    }

    /** srv02 runs Docker 24.0.7 and Weave 2.8.0; the manifest asks Docker 25.0.3 and Weave 2.8.0. srv01 runs no Docker. */
    @Test
    void dockerAndWeaveAreComparedWithTheManifestAndADifferenceIsFlaggedInEveryFormat() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("with-manifest"));
        Files.writeString(folder.resolve("Manifest.yml"), """
                production:
                  docker:
                    configuration:
                      docker_version: 25.0.3
                      weave_version: 2.8.0
                """);
        WorkspaceStore store = new WorkspaceStore();
        dev.upkeep.fleet.Workspace ws = store.load(dir.resolve("workspace.yml"));
        Application app = ws.applications().get(0);
        Path file = folder.resolve("workspace.yml");
        store.save(new dev.upkeep.fleet.Workspace(file, ws.settings(), List.of(new Application(app.name(), app.environment(),
                "Manifest.yml", null, app.servers()))));

        JsonNode servers = new ObjectMapper().readTree(runOn(file, "report", "--format", "json", "--server", "srv01", "--server", "srv02").out)
                .get("servers");
        JsonNode srv02 = servers.get(1);
        assertThat(srv02.get("server").asText()).isEqualTo("srv02");
        assertThat(srv02.get("dockerVersion").asText()).isEqualTo("24.0.7");
        assertThat(srv02.get("dockerExpected").asText()).isEqualTo("25.0.3");
        assertThat(srv02.get("dockerDrift").asText()).isEqualTo("differs");
        assertThat(srv02.get("weaveVersion").asText()).isEqualTo("2.8.0");
        assertThat(srv02.get("weaveExpected").asText()).isEqualTo("2.8.0");
        assertThat(srv02.get("weaveDrift").asText()).isEqualTo("in sync");
        assertThat(servers.get(0).get("dockerExpected").asText()).isEqualTo("25.0.3");
        assertThat(servers.get(0).get("dockerDrift").asText()).as("srv01 runs no Docker: not known, not 'differs'").isEqualTo("unknown");

        List<List<String>> rows = PackagesCommandTest.Csv.parse(runOn(file, "report", "--format", "csv", "--server", "srv02").out);
        java.util.Map<String, String> row = new java.util.HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            row.put(rows.get(0).get(i), rows.get(1).get(i));
        }
        assertThat(row).containsEntry("docker", "24.0.7").containsEntry("docker_expected", "25.0.3")
                .containsEntry("docker_drift", "differs").containsEntry("weave_expected", "2.8.0").containsEntry("weave_drift", "in sync");

        String html = runOn(file, "report", "--format", "html", "--server", "srv02").out;
        Document dom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        NodeList cells = ((Element) ((Element) dom.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr").item(0))
                .getElementsByTagName("td");
        Element dockerWeave = (Element) cells.item(cells.getLength() - 1);
        assertThat(dockerWeave.getTextContent()).isEqualTo("24.0.7 (manifest 25.0.3: differs) / 2.8.0 (manifest 2.8.0: in sync)");
        assertThat(dockerWeave.getAttribute("class")).contains("differs");
    }

    @Test
    void anUnreadableManifestIsNamedAndTheReportHasNoComparison() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("broken-manifest"));
        Files.writeString(folder.resolve("Manifest.yml"), "production:\n  docker: [unclosed\n");
        WorkspaceStore store = new WorkspaceStore();
        dev.upkeep.fleet.Workspace ws = store.load(dir.resolve("workspace.yml"));
        Application app = ws.applications().get(0);
        Path file = folder.resolve("workspace.yml");
        store.save(new dev.upkeep.fleet.Workspace(file, ws.settings(), List.of(new Application(app.name(), app.environment(),
                "Manifest.yml", null, app.servers()))));
        Result r = runOn(file, "report", "--format", "json", "--server", "srv02");
        assertThat(r.err).contains("shop: " + folder.resolve("Manifest.yml")).contains("no Docker/Weave comparison");
        JsonNode srv02 = new ObjectMapper().readTree(r.out).get("servers").get(0);
        assertThat(srv02.get("dockerVersion").asText()).isEqualTo("24.0.7");
        assertThat(srv02.get("dockerExpected").isNull()).isTrue();
        assertThat(srv02.get("dockerDrift").isNull()).isTrue();
    }
}
