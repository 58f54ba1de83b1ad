package dev.upkeep.ui.deploy;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.PoolConnections;
import dev.upkeep.run.RunHistory;
import dev.upkeep.run.RunStep;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.ui.AppServices;
import dev.upkeep.ui.UpkeepApp;
import dev.upkeep.ui.fleet.ServerRow;
import dev.upkeep.ui.shared.logs.LogLine;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real window, the real SSH status service and runner, two real Debian servers of the test fleet: select
 * both, Deploy with options, pre-flight, Run now; the log panes show the servers' output and the table shows
 * the new state (no security update left, reboot required).
 */
class DeployWindowOnRealServersTest {
    private static TestFleet fleet;
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private SshStatusService status;
    private UpkeepApp app;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(2);
        // Fresh lists, so the first refresh counts the pending security update the run then applies.
        fleet.servers().forEach(s -> s.run("apt-get update -q"));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (status != null) {
            status.close();
        }
    }

    @Test
    void aSecurityUpgradeFromTheWindowStreamsEachServersOutputAndTheTableShowsTheNewState() throws Exception {
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers());
        new WorkspaceStore().save(ws);
        status = new SshStatusService();
        Path state = dir.resolve("state");
        RunServices runs = RunServices.standard(w -> new PoolConnections(w, PassphraseProvider.NONE), new RunHistory(state));
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(
                new AppServices(ws.file(), new WorkspaceStore(), status, null, null, runs)));
        TableView<ServerRow> table = robot.lookup("#server-table").queryTableView();
        await().atMost(Duration.ofSeconds(90)).until(() -> fx(() -> table.getItems().size() == 2
                && table.getItems().stream().allMatch(r -> r.state().known())));
        assertThat(fx(() -> table.getItems().stream().map(r -> r.state().status().toString()).toList()))
                .allMatch(s -> s.contains("reachable=true") && s.contains("securityUpdates=1"));

        fx(() -> {
            table.getSelectionModel().selectAll();
            return null;
        });
        robot.clickOn("#deploy");
        robot.lookup("#deploy-dialog").query();
        robot.clickOn("#deploy-check");
        await().atMost(Duration.ofSeconds(120)).until(() -> fx(() -> robot.lookup("#deploy-run").query().isVisible()));
        // The report's page is filled in the same FX turn that shows Run now; wait on the text itself, not on timing.
        java.util.concurrent.atomic.AtomicReference<String> preflight = new java.util.concurrent.atomic.AtomicReference<>("");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            preflight.set(fx(() -> robot.lookup("#preflight").lookup(".label").queryAllAs(Label.class).stream()
                    .map(Label::getText).reduce("", (a, b) -> a + "\n" + b)));
            assertThat(preflight.get()).contains("srv01").contains("srv02").contains("upkeep-sec-demo");
        });

        robot.clickOn("#deploy-run");
        TableView<ServerRunRow> overview = robot.lookup("#run-overview").queryTableView();
        await().atMost(Duration.ofMinutes(4)).until(() -> fx(() -> robot.lookup("#run-notice").tryQuery().isPresent()));
        assertThat(fx(() -> overview.getItems().stream().map(r -> r.stepProperty().get()).toList()))
                .containsExactly(RunStep.DONE, RunStep.DONE);

        @SuppressWarnings("unchecked")
        ListView<LogLine> log = (ListView<LogLine>) robot.lookup("#log-list").queryAs(ListView.class);
        List<String> srv01 = fx(() -> log.getItems().stream().map(LogLine::text).toList());
        assertThat(srv01).as("the first server's pane shows its output").anyMatch(l -> l.contains("upkeep-sec-demo"));
        fx(() -> {
            overview.getSelectionModel().select(1);
            return null;
        });
        @SuppressWarnings("unchecked")
        ListView<LogLine> log2 = (ListView<LogLine>) robot.lookup("#log-list").queryAs(ListView.class);
        assertThat(fx(() -> log2.getItems().size())).isGreaterThan(3);
        assertThat(fx(() -> log2 != log)).as("each server has its own pane").isTrue();

        // The run refreshes the servers that ran: the table shows the upgrade's outcome.
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> table.getItems().stream()
                .allMatch(r -> r.state().securityUpdates() == 0 && r.state().rebootRequired())));
        assertThat(fx(() -> robot.lookup("#run-status").queryLabeled().getText())).isEqualTo("Run finished: 2 done");
        try (var dirs = Files.list(state.resolve("runs"))) {
            assertThat(dirs.filter(d -> !d.getFileName().toString().endsWith("-preflight")).count()).isEqualTo(1);
        }
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

}
