package dev.upkeep.ui.deploy;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.PoolConnections;
import dev.upkeep.run.RunHistory;
import dev.upkeep.run.RunStep;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import dev.upkeep.ui.AppServices;
import dev.upkeep.ui.UpkeepApp;
import dev.upkeep.ui.fleet.ServerRow;
import dev.upkeep.ui.shared.logs.LogLine;
import javafx.collections.ListChangeListener;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real window deploying to both kinds of test-fleet server at once: {@code admin}, whose sudo asks for its
 * password, and {@code nopw}, whose sudo never asks. The window's prompt comes once, names only the server that
 * needs it, and the password shows up nowhere afterwards.
 */
class SudoDeployWindowOnRealServersTest {
    private static TestFleet fleet;
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final List<String> prompts = new CopyOnWriteArrayList<>();
    private SshStatusService status;
    private UpkeepApp app;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(2);
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
    void theWindowAsksOnceForTheServerWhoseSudoAsksAndBothServersAreUpgraded() throws Exception {
        TestServer admin = fleet.server(0);
        TestServer nopw = fleet.server(1);
        Workspace ws = FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(), List.of(new Application("shop", null, null,
                null, List.of(FleetWorkspaces.server(fleet, admin, "admin", true), FleetWorkspaces.server(fleet, nopw, "nopw", true)))));
        new WorkspaceStore().save(ws);
        status = new SshStatusService();
        Path state = dir.resolve("state");
        RunServices runs = RunServices.standard(w -> new PoolConnections(w, PassphraseProvider.NONE), new RunHistory(state));
        FxToolkit.registerPrimaryStage();
        fx(() -> {
            // Every dialog that opens with the sudo prompt's title, with its question.
            Window.getWindows().addListener((ListChangeListener<Window>) change -> {
                while (change.next()) {
                    for (Window w : change.getAddedSubList()) {
                        if (w instanceof Stage s && "sudo password".equals(s.getTitle())) {
                            prompts.add(((DialogPane) s.getScene().getRoot()).getHeaderText());
                        }
                    }
                }
            });
            return null;
        });
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(
                new AppServices(ws.file(), new WorkspaceStore(), status, null, null, runs)));
        TableView<ServerRow> table = robot.lookup("#server-table").queryTableView();
        await().atMost(Duration.ofSeconds(90)).until(() -> fx(() -> table.getItems().size() == 2
                && table.getItems().stream().allMatch(r -> r.state().known())));
        fx(() -> {
            table.getSelectionModel().selectAll();
            return null;
        });
        robot.clickOn("#deploy");
        robot.lookup("#deploy-dialog").query();
        robot.clickOn("#deploy-check");

        // The pre-flight needs sudo on admin's server: the prompt opens, naming that server only.
        await().atMost(Duration.ofSeconds(90)).until(() -> fx(() -> robot.lookup("#secret-field").tryQuery().isPresent()));
        assertThat(prompts).containsExactly("sudo password for admin@" + admin.name());
        robot.clickOn("#secret-field").write(TestFleet.SUDO_PASSWORD).type(KeyCode.ENTER);

        await().atMost(Duration.ofSeconds(120)).until(() -> fx(() -> robot.lookup("#deploy-run").query().isVisible()));
        robot.clickOn("#deploy-run");
        TableView<ServerRunRow> overview = robot.lookup("#run-overview").queryTableView();
        await().atMost(Duration.ofMinutes(4)).until(() -> fx(() -> robot.lookup("#run-notice").tryQuery().isPresent()));
        assertThat(fx(() -> overview.getItems().stream().map(r -> r.stepProperty().get()).toList()))
                .containsExactly(RunStep.DONE, RunStep.DONE);
        assertThat(prompts).as("the run uses the pre-flight's answer").hasSize(1);

        for (int row = 0; row < 2; row++) {
            int selected = row;
            fx(() -> {
                overview.getSelectionModel().select(selected);
                return null;
            });
            @SuppressWarnings("unchecked")
            ListView<LogLine> log = (ListView<LogLine>) robot.lookup("#log-list").queryAs(ListView.class);
            List<String> lines = fx(() -> log.getItems().stream().map(LogLine::text).toList());
            assertThat(lines).anyMatch(l -> l.contains("upkeep-sec-demo"))
                    .noneMatch(l -> l.contains(TestFleet.SUDO_PASSWORD)).noneMatch(l -> l.contains("not found"))
                    .noneMatch(l -> l.contains("upkeep-sudo-"));
        }
        try (Stream<Path> files = Files.walk(state)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(TestFleet.SUDO_PASSWORD)
                        .doesNotContain("not found");
            }
        }
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
