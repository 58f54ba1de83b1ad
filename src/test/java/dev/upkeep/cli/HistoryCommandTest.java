package dev.upkeep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.run.UpgradeHooks;
import dev.upkeep.testfleet.LibraryDemo;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upkeep history} on a real server with a known history: an install from October in a rotated .gz log by
 * deploy, an install this morning by nopw under sudo, then Upkeep's CVE-day upgrade of the same package (its run recorded
 * on this machine): three events, each with its date, who started it and the packages with versions.
 */
class HistoryCommandTest {
    private static TestFleet fleet;
    @TempDir
    static Path dir;

    @BeforeAll
    static void startFleet() throws Exception {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(1);
        TestServer srv = fleet.server(0);
        fleet.repo().publish("bookworm", LibraryDemo.library(srv, "1.0"));
        fleet.repo().publish("bookworm-security", LibraryDemo.library(srv, "1.1"));
        srv.run("printf '%s\\n' '' 'Start-Date: 2026-10-01  09:00:00' 'Commandline: apt-get install -y curl'"
                + " 'Requested-By: deploy (1001)' 'Install: curl:amd64 (7.88.1-10+deb12u5), libcurl4:amd64 (7.88.1-10+deb12u5, automatic)'"
                + " 'End-Date: 2026-10-01  09:00:05' | gzip > /var/log/apt/history.log.1.gz"
                + " && touch -d '2026-10-01 09:00:05' /var/log/apt/history.log.1.gz");
        // nopw's install, hours before Upkeep's run: installed with dpkg, its apt entry written as apt writes it (a
        // real apt run seconds before Upkeep's would fall in the run's time window and be counted as Upkeep's)
        srv.run("apt-get -q update");
        srv.install(LibraryDemo.library(srv, "1.0"));
        srv.run("printf '%s\\n' '' 'Start-Date: 2026-11-30  08:00:00' 'Commandline: apt-get install -y -q " + LibraryDemo.LIBRARY
                + "=1.0' 'Requested-By: nopw (1003)' 'Install: " + LibraryDemo.LIBRARY + ":all (1.0)'"
                + " 'End-Date: 2026-11-30  08:00:01' >> /var/log/apt/history.log");
        new WorkspaceStore().save(FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers()));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = UpkeepCommand.commandLine(new UpkeepCommand(new WorkspaceStore(), SshStatusService::new));
        FleetUpgradeServices services = new FleetUpgradeServices(dir.resolve("state"), UpgradeHooks.NONE);
        ((PackagesCommand) cl.getSubcommands().get("packages").getCommand()).services = services;
        ((HistoryCommand) cl.getSubcommands().get("history").getCommand()).services = services;
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--workspace", dir.resolve("workspace.yml").toString()));
        all.addAll(List.of(args));
        return new Result(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Test
    void everyEventHasItsDateItsRequesterAndItsPackagesAndUpkeepsRunIsNamed() throws Exception {
        Result upgrade = run("packages", LibraryDemo.LIBRARY, "--below", "1.1", "--upgrade", "--yes");
        assertThat(upgrade.exit).as(upgrade.out + upgrade.err).isZero();
        String runId = upgrade.out.replaceAll("(?s).*; run (\\S+).*", "$1");

        Result r = run("history", "srv01", "--json");
        assertThat(r.exit).as(r.err).isZero();
        JsonNode h = new ObjectMapper().readTree(r.out);
        JsonNode events = h.get("events");
        assertThat(events).hasSize(3);
        JsonNode october = events.get(0);
        assertThat(october.get("start").asText()).isEqualTo("2026-10-01T09:00:00Z");
        assertThat(october.get("source").asText()).isEqualTo("apt");
        assertThat(october.get("startedBy").asText()).isEqualTo("deploy (1001)");
        assertThat(october.get("security").asBoolean()).isFalse();
        assertThat(october.get("changes").get(0).get("action").asText()).isEqualTo("install");
        assertThat(october.get("changes").get(0).get("package").asText()).isEqualTo("curl");
        assertThat(october.get("changes").get(0).get("to").asText()).isEqualTo("7.88.1-10+deb12u5");
        assertThat(october.get("changes").get(1).get("automatic").asBoolean()).isTrue();
        JsonNode byHand = events.get(1);
        assertThat(byHand.get("startedBy").asText()).startsWith("nopw (");
        assertThat(byHand.get("changes").get(0).get("package").asText()).isEqualTo(LibraryDemo.LIBRARY);
        assertThat(byHand.get("changes").get(0).get("to").asText()).isEqualTo("1.0");
        JsonNode upkeep = events.get(2);
        assertThat(upkeep.get("startedBy").asText()).isEqualTo("Upkeep run " + runId + " by root");
        assertThat(upkeep.get("runId").asText()).isEqualTo(runId);
        assertThat(upkeep.get("security").asBoolean()).as("1.1 came from the security pocket").isTrue();
        assertThat(upkeep.get("changes").get(0).get("action").asText()).isEqualTo("upgrade");
        assertThat(upkeep.get("changes").get(0).get("from").asText()).isEqualTo("1.0");
        assertThat(upkeep.get("changes").get(0).get("to").asText()).isEqualTo("1.1");

        Result text = run("history", "shop/srv01", "--since", "2026-11-01");
        assertThat(text.exit).isZero();
        assertThat(text.out).doesNotContain("curl").contains("nopw (")
                .containsPattern("apt +Upkeep run " + runId + " by root +security +" + LibraryDemo.LIBRARY + " 1\\.0 → 1\\.1");
    }

    @Test
    void badInputIsExitTwo() {
        Result r = run("history", "srv01", "--since", "yesterday");
        assertThat(r.exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err).contains("--since: 'yesterday' is not a date");
        r = run("history", "nosuch");
        assertThat(r.exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err).contains("no server 'nosuch'");
    }
}
