package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.PoolConnections;
import dev.upkeep.run.RunHistory;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.testfleet.LibraryDemo;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import dev.upkeep.ui.AppServices;
import dev.upkeep.ui.UpkeepApp;
import dev.upkeep.ui.deploy.RunServices;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The detail pane's Services to restart and Restart services… in the real window on a real Debian server: a service
 * still mapping a library an upgrade replaced is listed; Cancel changes nothing; OK restarts it as a recorded run, the
 * server is checked again and the list says none. The History tab then shows the apt upgrade and the run; the
 * Last security upgrade column says today.
 */
class RestartServicesWindowOnRealServersTest {
    private static TestFleet fleet;
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private SshStatusService status;
    private UpkeepApp app;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(1);
        TestServer srv = fleet.server(0);
        fleet.repo().publish("bookworm", LibraryDemo.library(srv, "1.0"), LibraryDemo.service(srv, "1.0"));
        fleet.repo().publish("bookworm-security", LibraryDemo.library(srv, "1.1"));
        srv.run("apt-get -q update && apt-get install -y -q " + LibraryDemo.SERVICE + " " + LibraryDemo.LIBRARY + "=1.0");
        LibraryDemo.start(srv);
        // patched but not yet protected: the daemon keeps the old, deleted copy mapped
        srv.run("apt-get install -y -q " + LibraryDemo.LIBRARY);
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
    void theListedServiceIsRestartedAfterConfirmationRecordedAndCheckedAgain() throws Exception {
        TestServer srv = fleet.server(0);
        int daemon = LibraryDemo.pid(srv);
        assertThat(LibraryDemo.mapping(srv, daemon)).endsWith("(deleted)");
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers());
        new WorkspaceStore().save(ws);
        status = new SshStatusService();
        RunHistory history = new RunHistory(dir.resolve("state"));
        RunServices runs = RunServices.standard(w -> new PoolConnections(w, PassphraseProvider.NONE), history);
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(
                new AppServices(ws.file(), new WorkspaceStore(), status, null, null, runs)));
        TableView<ServerRow> servers = robot.lookup("#server-table").queryTableView();
        await().atMost(Duration.ofSeconds(90)).until(() -> fx(() -> servers.getItems().size() == 1
                && servers.getItems().get(0).state().known()));
        robot.clickOn("srv01");
        assertThat(robot.lookup("#server-table").lookup("today").tryQuery()).as("Last security upgrade: the library's, just now").isPresent();
        assertThat(fx(() -> robot.lookup("#detail-services-to-restart").queryLabeled().getText())).isEqualTo(LibraryDemo.SERVICE);

        pressRestartServices();
        robot.clickOn("Cancel");
        assertThat(LibraryDemo.pid(srv)).as("Cancel restarts nothing").isEqualTo(daemon);
        assertThat(history.list()).as("and records nothing").isEmpty();

        pressRestartServices();
        robot.clickOn("OK");
        await().atMost(Duration.ofMinutes(2)).until(() -> fx(() -> robot.lookup("#detail-services-to-restart").tryQuery()
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).orElse("")).equals("none"));
        int restarted = LibraryDemo.pid(srv);
        assertThat(restarted).isNotEqualTo(daemon);
        assertThat(LibraryDemo.mapping(srv, restarted)).doesNotEndWith("(deleted)");
        assertThat(fx(() -> robot.lookup("#detail-restart-services").tryQuery().isPresent())).as("nothing left to restart").isFalse();
        List<RunSummary> recorded = history.list();
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.options().restartServices()).isTrue();
            assertThat(r.results()).singleElement().satisfies(s -> assertThat(s.message()).contains("restarted " + LibraryDemo.SERVICE));
        });

        // the History tab: the server's own apt log (the library's upgrade by root) merged with Upkeep's restart run
        javafx.scene.control.TabPane tabs = robot.lookup("#detail-tabs").query();
        fx(() -> {
            tabs.getSelectionModel().select(1);
            return null;
        });
        TableView<dev.upkeep.history.PatchEvent> events = robot.lookup("#detail-history-table").queryTableView();
        await("the History tab's rows; it says: " + fx(() -> robot.lookup("#detail-history-message").queryLabeled().getText()))
                .atMost(Duration.ofSeconds(40)).until(() -> fx(() -> events.getItems().size() >= 2));
        List<dev.upkeep.history.PatchEvent> shown = fx(() -> List.copyOf(events.getItems()));
        assertThat(shown.get(0).startedBy()).as("newest first: the restart run").startsWith("Upkeep run " + recorded.get(0).id());
        assertThat(shown).anySatisfy(e -> {
            assertThat(PatchHistoryTab.changes(e)).contains(LibraryDemo.LIBRARY + " 1.0 → 1.1");
            assertThat(e.security()).isTrue();
        });
        assertThat(fx(() -> robot.lookup("#detail-history-message").queryLabeled().getText())).contains("the apt logs read go back to");
    }

    /** The button may sit below the detail pane's fold in a small window: pressed as a keyboard user would. */
    private void pressRestartServices() throws Exception {
        javafx.scene.control.Button button = robot.lookup("#detail-restart-services").queryButton();
        javafx.application.Platform.runLater(button::fire);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> robot.lookup("Cancel").tryQuery().isPresent()));
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
