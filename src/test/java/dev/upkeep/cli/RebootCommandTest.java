package dev.upkeep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.RebootPolicy;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.run.UpgradeHooks;
import dev.upkeep.testfleet.FleetOptions;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code upkeep reboot} and {@code upkeep upgrade --reboot-if-required} in-process against servers that really reboot. */
class RebootCommandTest {
    private static final RebootPolicy QUICK = RebootPolicy.DEFAULTS.withTimeoutSeconds(30)
            .withHealthCheck(RebootPolicy.HealthCheck.command("test -d /proc/1"));
    private static TestFleet fleet;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(FleetOptions.servers(7).rebootDelay(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private int run(Path dir, String answers, String... args) {
        UpkeepCommand top = new UpkeepCommand(new WorkspaceStore(), SshStatusService::new)
                .withInput(new BufferedReader(new StringReader(answers)));
        CommandLine cl = UpkeepCommand.commandLine(top);
        UpgradeServices services = services(dir.resolve("state"));
        ((UpgradeCommand) cl.getSubcommands().get("upgrade").getCommand()).services = services;
        ((RebootCommand) cl.getSubcommands().get("reboot").getCommand()).services = services;
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--workspace", dir.resolve("workspace.yml").toString()));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    private static UpgradeServices services(Path state) {
        return new FleetUpgradeServices(state, UpgradeHooks.NONE);
    }

    private static void save(Path dir, TestServer... servers) throws Exception {
        List<Server> list = new ArrayList<>();
        for (TestServer s : servers) {
            list.add(FleetWorkspaces.server(fleet, s, "root", false));
        }
        new WorkspaceStore().save(FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(),
                List.of(new Application("shop", "production", null, null, list, QUICK))));
    }

    @Test
    void withoutYesItShowsThePlanWithWhoNeedsARebootNowAndAnsweringNoRebootsNothing(@TempDir Path dir) throws Exception {
        TestServer needs = fleet.server(0);
        TestServer fine = fleet.server(1);
        needs.requireReboot("linux-image-demo");
        save(dir, needs, fine);
        int bootsNeeds = needs.boots();
        int bootsFine = fine.boots();
        int exit = run(dir, "n\n", "reboot", "--only-if-required", "--batch", "1");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("reboot only where required on 2 server(s), rolling in batches of 1, stopping after 1 failure(s):")
                .contains("batch 1 of 2:\n    shop/srv01: reboot required now (linux-image-demo)")
                .contains("batch 2 of 2:\n    shop/srv02: no reboot required now")
                .contains("shop: health check command `test -d /proc/1`; timeout 30 s");
        assertThat(err.toString()).contains("Reboot these servers now? [y/N]").contains("Nothing was changed.");
        assertThat(needs.boots()).isEqualTo(bootsNeeds);
        assertThat(fine.boots()).isEqualTo(bootsFine);
    }

    @Test
    void onlyIfRequiredWithYesRebootsExactlyTheServerThatNeedsItAndStreamsBatches(@TempDir Path dir) throws Exception {
        TestServer needs = fleet.server(2);
        TestServer fine = fleet.server(3);
        needs.requireReboot("libc6");
        save(dir, needs, fine);
        int exit = run(dir, "", "reboot", "--only-if-required", "--strategy", "serial", "--timeout", "40", "--yes");
        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(needs.boots()).isEqualTo(2);
        assertThat(fine.boots()).isEqualTo(1);
        assertThat(out.toString()).contains("== batch 1 of 2: srv03").contains("srv03 | reboot required by: libc6")
                .contains("srv03 > waiting for boot").contains("srv04 | not rebooting: no reboot required")
                .containsPattern("shop/srv03 +done .* no +reboot if required: rebooted: back after \\d+ s, boot id changed, health check passed");
    }

    @Test
    void badValuesAreExitTwoWithAClearMessageAndRebootNothing(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(4);
        save(dir, srv);
        int boots = srv.boots();
        String[][] cases = {
                {"--batch", "0"}, {"--batch", "150%"}, {"--max-failures", "x"}, {"--batch", "2", "--strategy", "serial"},
                {"--timeout", "0"}, {"--strategy", "sideways"}, {"--server", "nope"}};
        String[] messages = {"--batch: must be at least 1, not 0", "--batch: a percentage must be 1-100%, not 150%",
                "--max-failures: 'x' is not a number of servers (N) or a percentage (N%)",
                "--batch goes with --strategy rolling, not serial", "--timeout must be between 1 and 86400 seconds",
                "sideways", "no server 'nope'"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("reboot", "--yes"));
            args.addAll(List.of(cases[i]));
            assertThat(run(dir, "", args.toArray(String[]::new))).as(String.join(" ", cases[i])).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(err.toString()).contains(messages[i]);
        }
        assertThat(run(dir, "", "upgrade", "--security", "--max-failures", "150%", "--yes")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run(dir, "", "upgrade", "--security", "--reboot-timeout", "30", "--yes")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--reboot-timeout goes with --reboot-if-required");
        assertThat(srv.boots()).isEqualTo(boots);
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void upgradeWithRebootIfRequiredUpgradesThenRebootsInOneRunAndAFailedRebootIsExitOne(@TempDir Path dir) throws Exception {
        TestServer good = fleet.server(5);
        TestServer fake = fleet.server(6).keepBootIdAcrossBoots(true);
        save(dir, good, fake);
        int bootsGood = good.boots();
        int bootsFake = fake.boots();
        int exit = run(dir, "", "upgrade", "--security", "--reboot-if-required", "--batch", "1", "--yes", "--json");
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.SOME_FAILED);
        List<JsonNode> events = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : out.toString().split("\n")) {
            events.add(mapper.readTree(line));
        }
        assertThat(events.get(0).get("batches")).hasSize(2);
        JsonNode last = events.get(events.size() - 1);
        JsonNode first = last.get("results").get(0);
        assertThat(first.get("outcome").asText()).as(first.toString()).isEqualTo("DONE");
        assertThat(first.get("upgraded").get(0).asText()).isEqualTo("upkeep-sec-demo 1.1");
        assertThat(first.get("rebootRequired").asBoolean()).isFalse();
        assertThat(first.get("message").asText()).contains("reboot if required: rebooted: back after");
        JsonNode second = last.get("results").get(1);
        assertThat(second.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(second.get("message").asText()).contains("boot id unchanged: the server did not reboot");
        assertThat(events).anyMatch(e -> e.get("event").asText().equals("batch-started") && e.get("batch").asInt() == 2);
        assertThat(good.boots()).isEqualTo(bootsGood + 1);
        assertThat(fake.boots()).isEqualTo(bootsFake + 1);
        fake.keepBootIdAcrossBoots(false);
    }

    @Test
    void upgradeWithRebootIfRequiredShowsThePreflightAndTheRolloutAndADryRunChangesNothing(@TempDir Path dir) throws Exception {
        TestServer a = fleet.server(3);
        TestServer b = fleet.server(4);
        save(dir, a, b);
        int bootsA = a.boots();
        int exit = run(dir, "", "upgrade", "--security", "--reboot-if-required", "--strategy", "rolling", "--batch", "50%",
                "--max-failures", "2", "--dry-run");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                // the headline is the Deploy dialog's (run.RolloutText.headline), not a second wording of the same plan
                .contains("security upgrades, then reboot only where required on 2 server(s), rolling in batches of 50% (1), "
                        + "stopping after 2 failure(s):\n")
                .contains("shop/srv04: 1 security update(s) would be applied")
                .contains("reboot only where required on 2 server(s), rolling in batches of 50% (1), stopping after 2 failure(s):")
                .contains("batch 2 of 2:\n    shop/srv05: ")
                .contains("shop: health check command `test -d /proc/1`; timeout 30 s");
        assertThat(a.run("cat /usr/share/upkeep-demo/upkeep-sec-demo.version").strip()).isEqualTo("1.0");
        assertThat(a.boots()).isEqualTo(bootsA);
    }
}
