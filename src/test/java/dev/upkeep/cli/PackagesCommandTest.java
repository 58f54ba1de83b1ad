package dev.upkeep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.RunHistory;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.run.UpgradeHooks;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.LibraryDemo;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CVE day from the command line, on real Debian servers: which servers have the library below the fixed version,
 * upgrade just that package just there, which services still use the old copy, restart them. srv01 runs the
 * library's service at 1.0 (exposed), srv02 has the fixed 1.1, srv03 has neither, srv04 floods whoever asks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagesCommandTest {
    private static TestFleet fleet;
    @TempDir
    static Path dir;
    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void startFleet() throws Exception {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(FleetOptions.servers(4));
        TestServer first = fleet.server(0);
        fleet.repo().publish("bookworm", LibraryDemo.library(first, "1.0"), LibraryDemo.service(first, "1.0"));
        fleet.repo().publish("bookworm-security", LibraryDemo.library(first, "1.1"));
        fleet.server(0).run("apt-get -q update && apt-get install -y -q " + LibraryDemo.SERVICE + " " + LibraryDemo.LIBRARY + "=1.0");
        LibraryDemo.start(fleet.server(0));
        fleet.server(1).run("apt-get -q update && apt-get install -y -q " + LibraryDemo.LIBRARY);
        fleet.server(2).run("apt-get -q update");
        // a server that lies: its dpkg-query answers with an endless stream
        fleet.server(3).writeFile("/usr/local/bin/dpkg-query", "#!/bin/sh\nexec yes \"$(printf 'x\\tx\\tupkeep-libdemo-src\\t1\\t1\\tii ')\"\n".getBytes());
        fleet.server(3).run("chmod 0755 /usr/local/bin/dpkg-query");
        List<Server> servers = new ArrayList<>();
        for (TestServer s : fleet.servers()) {
            servers.add(FleetWorkspaces.server(fleet, s, "root", false));
        }
        new WorkspaceStore().save(FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(),
                List.of(new Application("shop", "production", null, null, servers))));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @BeforeEach
    void clear() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private int run(String answers, String... args) {
        UpkeepCommand top = new UpkeepCommand(new WorkspaceStore(), SshStatusService::new)
                .withInput(new BufferedReader(new StringReader(answers)));
        CommandLine cl = UpkeepCommand.commandLine(top);
        FleetUpgradeServices services = new FleetUpgradeServices(dir.resolve("state"), UpgradeHooks.NONE);
        ((PackagesCommand) cl.getSubcommands().get("packages").getCommand()).services = services;
        ((RestartServicesCommand) cl.getSubcommands().get("restart-services").getCommand()).services = services;
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--workspace", dir.resolve("workspace.yml").toString()));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void theTableSaysWhichServerIsExposedAndTheFloodingServerIsStoppedAndNamed() {
        int exit = run("", "packages", LibraryDemo.SOURCE, "--below", "1.1", "--server", "srv01", "--server", "srv02",
                "--server", "srv03", "--server", "srv04");
        assertThat(exit).as("srv04 did not answer").isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(out.toString().lines().toList()).first().asString().matches("SERVER +PACKAGE +INSTALLED +CANDIDATE +SECURITY +EXPOSED");
        assertThat(out.toString().lines().toList())
                .anySatisfy(l -> assertThat(l).matches("shop/srv01 +libupkeepdemo1 +1\\.0 +1\\.1 +yes +yes"))
                .anySatisfy(l -> assertThat(l).matches("shop/srv01 +upkeep-libdemo +1\\.0 +1\\.0 +no +yes"))
                .anySatisfy(l -> assertThat(l).matches("shop/srv02 +libupkeepdemo1 +1\\.1 +1\\.1 +yes +no"))
                .anySatisfy(l -> assertThat(l).matches("shop/srv03 +upkeep-libdemo-src +not installed +no"))
                .anySatisfy(l -> assertThat(l).startsWith("shop/srv04  (no answer: package query failed: more than 10000 packages matched"));
        assertThat(err.toString()).contains("shop/srv04: package query failed: more than 10000 packages matched");
    }

    @Test
    @Order(2)
    void jsonAndCsvCarryEveryFieldAndUnknownIsNull() throws Exception {
        assertThat(run("", "packages", LibraryDemo.LIBRARY, "--below", "1:0", "--server", "srv01", "--json")).isZero();
        JsonNode row = new ObjectMapper().readTree(out.toString()).get(0);
        assertThat(row.get("application").asText()).isEqualTo("shop");
        assertThat(row.get("server").asText()).isEqualTo("srv01");
        assertThat(row.get("package").asText()).isEqualTo(LibraryDemo.LIBRARY);
        assertThat(row.get("source").asText()).isEqualTo(LibraryDemo.SOURCE);
        assertThat(row.get("installed").asText()).isEqualTo("1.0");
        assertThat(row.get("candidate").asText()).isEqualTo("1.1");
        assertThat(row.get("security").asBoolean()).isTrue();
        assertThat(row.get("exposed").asBoolean()).as("1.0 is below the epoch 1:0").isTrue();
        assertThat(row.get("error").isNull()).isTrue();

        clear();
        assertThat(run("", "packages", "libupkeepdemo*", "--server", "srv02", "--server", "srv03", "--csv")).isZero();
        List<List<String>> csv = Csv.parse(out.toString());
        assertThat(csv.get(0)).isEqualTo(PackagesOutput.COLUMNS);
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).containsExactly("shop", "srv02", LibraryDemo.LIBRARY, LibraryDemo.SOURCE, "1.1", "1.1", "yes", "", "");
        assertThat(csv.get(2)).containsExactly("shop", "srv03", "", "", "", "", "", "", "");
    }

    @Test
    @Order(3)
    void badInputIsExitTwoAndAsksNoServer() {
        String[][] cases = {{"packages", "libssl;rm"}, {"packages", "openssl", "--below", "1.0 x"},
                {"packages", "openssl", "--upgrade"}, {"packages", "openssl", "--json", "--csv"},
                {"packages", "openssl", "--below", "1", "--server", "nope"}, {"packages", "*"}};
        String[] messages = {"not a package name or glob: 'libssl;rm'", "--below: '1.0 x' is not a Debian version",
                "--upgrade needs --below VERSION", "choose one", "no server 'nope'", "a glob must name something"};
        for (int i = 0; i < cases.length; i++) {
            clear();
            assertThat(run("", cases[i])).as(String.join(" ", cases[i])).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(err.toString()).contains(messages[i]);
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    @Order(4)
    void upgradeTouchesOnlyTheExposedServerThenSaysWhatStillUsesTheOldLibraryAndRestartServicesFixesIt() throws Exception {
        String srv02Before = fleet.server(1).run("md5sum /var/lib/dpkg/status");
        String srv03Before = fleet.server(2).run("md5sum /var/lib/dpkg/status");
        int daemon = LibraryDemo.pid(fleet.server(0));

        assertThat(run("n\n", "packages", LibraryDemo.SOURCE, "--below", "1.1", "--app", "shop", "--server", "srv01",
                "--server", "srv02", "--server", "srv03", "--upgrade")).isZero();
        assertThat(out.toString()).contains("Upgrade on 1 exposed server(s), nothing else:\n"
                + "    shop/srv01: libupkeepdemo1 1.0 -> 1.1 (security)\n");
        assertThat(out.toString()).as("the service's own package has no fix offered").doesNotContain("upkeep-libdemo 1.0 ->");
        assertThat(err.toString()).contains("Upgrade these packages now? [y/N]").contains("Nothing was changed.")
                .contains("shop/srv01: upkeep-libdemo is exposed but apt offers 1.0, not 1.1 or later: not upgraded");
        assertThat(fleet.server(0).run("dpkg-query -W -f='${Version}' " + LibraryDemo.LIBRARY)).isEqualTo("1.0");

        clear();
        int exit = run("", "packages", LibraryDemo.LIBRARY, "--below", "1.1", "--server", "srv01", "--server", "srv02",
                "--server", "srv03", "--upgrade", "--yes");
        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(fleet.server(0).run("dpkg-query -W -f='${Version}' " + LibraryDemo.LIBRARY)).isEqualTo("1.1");
        assertThat(fleet.server(1).run("md5sum /var/lib/dpkg/status")).as("srv02 untouched").isEqualTo(srv02Before);
        assertThat(fleet.server(2).run("md5sum /var/lib/dpkg/status")).as("srv03 untouched").isEqualTo(srv03Before);
        assertThat(out.toString()).containsPattern("srv01 = done .*: upgraded libupkeepdemo1 1\\.1")
                .contains("After the upgrade:")
                .containsPattern("shop/srv01 +libupkeepdemo1 +1\\.1 +1\\.1 +yes +no")
                .contains("Still using replaced libraries:\n    shop/srv01: services to restart: " + LibraryDemo.SERVICE);
        assertThat(LibraryDemo.pid(fleet.server(0))).as("not restarted without being asked").isEqualTo(daemon);
        assertThat(LibraryDemo.mapping(fleet.server(0), daemon)).endsWith("(deleted)");
        assertThat(Files.list(dir.resolve("state/runs")).count()).as("the run is recorded").isEqualTo(1);
        String id = Files.list(dir.resolve("state/runs")).findFirst().orElseThrow().getFileName().toString();
        assertThat(new RunHistory(dir.resolve("state")).load(id).orElseThrow().results().get(0).upgraded())
                .containsExactly(LibraryDemo.LIBRARY + " 1.1");

        clear();
        assertThat(run("", "restart-services", "--server", "srv01", "--server", "srv02", "--yes")).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("    shop/srv01: services to restart: " + LibraryDemo.SERVICE)
                .contains("    shop/srv02: none")
                .containsPattern("srv01 = done .*restarted " + LibraryDemo.SERVICE + "; none uses replaced libraries now");
        assertThat(LibraryDemo.pid(fleet.server(0))).isNotEqualTo(daemon);

        clear();
        assertThat(run("", "restart-services", "--server", "srv01")).isZero();
        assertThat(out.toString()).contains("    shop/srv01: none");
        assertThat(err.toString()).contains("Nothing to restart.");
    }

    /** A small RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF line ends. */
    static final class Csv {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i++; }
                    else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') { row.add(field.toString()); field.setLength(0); }
                else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(field.toString()); field.setLength(0); rows.add(row); row = new ArrayList<>(); i++;
                } else {
                    field.append(c);
                }
            }
            return rows;
        }
    }
}
