package dev.upkeep.ui;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.ui.fleet.ServerRow;
import dev.upkeep.windowstate.ThemeChoice;
import dev.upkeep.windowstate.WindowMemory;
import dev.upkeep.windowstate.WindowState;
import dev.upkeep.windowstate.WindowStateFile;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The real window closes and opens again in the same JVM with the same state folder, and looks as it was left. */
class RememberedWindowTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private UpkeepApp app;
    private Stage stage;
    private Path stateFile;
    private Path workspace;

    @BeforeEach
    void workspace() throws Exception {
        stateFile = dir.resolve("state/window-state.json");
        workspace = dir.resolve("workspace.yml");
        new WorkspaceStore().save(new Workspace(workspace, null, List.of(new Application("shop", "production", null, null,
                List.of(Server.of("web1", "10.0.0.1"), Server.of("web2", "10.0.0.2"))))));
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        javafx.application.Application.setUserAgentStylesheet(null);
    }

    @Test
    void theWindowReopensWithItsSizeDividersColumnsAndTheme() throws Exception {
        start(false);
        robot.interact(() -> {
            stage.setX(30);
            stage.setY(20);
            stage.setWidth(640);
            stage.setHeight(480);
            split().setDividerPositions(0.25, 0.6);
            TableView<ServerRow> t = table();
            TableColumn<ServerRow, ?> kernel = column(t, "col-kernel");
            t.getColumns().remove(kernel);
            t.getColumns().add(0, kernel);
            t.resizeColumn(column(t, "col-server"), 60);
        });
        robot.clickOn("View").clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();
        double serverWidth = fx(() -> column(table(), "col-server").getWidth());
        double[] dividers = fx(() -> split().getDividerPositions()); // as the panes' minimum widths allowed them
        assertThat(dividers[0]).isCloseTo(0.25, within(0.02));
        closeAndAwaitSave();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile))).isEqualTo("rw-------");

        // The same stage comes back for the next start: make it look unlike what was remembered.
        robot.interact(() -> {
            stage.setWidth(560);
            stage.setHeight(400);
            stage.setX(200);
        });
        javafx.application.Application.setUserAgentStylesheet(null);
        start(false);

        assertThat(fx(stage::getWidth)).isEqualTo(640);
        assertThat(fx(stage::getHeight)).isEqualTo(480);
        assertThat(fx(stage::getX)).isEqualTo(30);
        assertThat(fx(() -> split().getDividerPositions())).containsExactly(dividers, within(0.005));
        assertThat(fx(() -> table().getColumns().stream().map(TableColumn::getId).toList()))
                .startsWith("col-kernel", "col-server", "col-application");
        assertThat(fx(() -> column(table(), "col-server").getWidth())).isCloseTo(serverWidth, within(1.0));
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-dark");
        assertThat(WindowStateFile.read(stateFile).lastWorkspace()).isEqualTo(workspace.toAbsolutePath().toString());
    }

    @Test
    void aWindowRememberedOffEveryScreenOpensOnTheScreen() throws Exception {
        Files.createDirectories(stateFile.getParent());
        Files.writeString(stateFile, """
                {"window": {"x": 40000, "y": -30000, "width": 900, "height": 600, "maximised": false}}
                """);
        start(false);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(fx(stage::getX)).isBetween(screen.getMinX(), screen.getMaxX() - 100);
        assertThat(fx(stage::getY)).isBetween(screen.getMinY(), screen.getMaxY() - 24);
        assertThat(fx(stage::getWidth)).isEqualTo(Math.min(900, screen.getWidth()));
    }

    @Test
    void aHostileStateFileIsIgnoredAndTheWindowStillOpens() throws Exception {
        Files.createDirectories(stateFile.getParent());
        Files.writeString(stateFile, "{\"window\": {\"x\": 1e308, \"width\": -5}, \"dividers\": [9, -1], \"columns\": [{\"id\": "
                + "\"col-kernel\", \"width\": 1e30}], \"theme\": {\"$ref\": \"x\"}, \"lastWorkspace\": \"" + "a".repeat(5000) + "\"}");
        start(false);
        assertThat(fx(() -> table().getItems().size())).isEqualTo(2);
        assertThat(fx(() -> table().getColumns().get(0).getId())).isEqualTo("col-server");
        assertThat(fx(() -> column(table(), "col-kernel").getPrefWidth())).isEqualTo(290);
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-light");
    }

    @Test
    void theDemoWindowNeverReplacesTheRememberedWorkspace() throws Exception {
        WindowStateFile.write(stateFile, WindowState.EMPTY.withLastWorkspace(workspace.toAbsolutePath().toString()));
        start(true);
        robot.clickOn("View").clickOn("Dark theme");
        closeAndAwaitSave();
        WindowState saved = WindowStateFile.read(stateFile);
        assertThat(saved.lastWorkspace()).isEqualTo(workspace.toAbsolutePath().toString());
        assertThat(saved.theme()).isEqualTo(ThemeChoice.DARK);
    }

    @Test
    void followingTheDesktopShowsItsDarkThemeAndIsRemembered() throws Exception {
        start(false, true);
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-light");
        robot.clickOn("View").clickOn("Follow the desktop theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-dark");
        closeAndAwaitSave();
        assertThat(WindowStateFile.read(stateFile).theme()).isEqualTo(ThemeChoice.DESKTOP);
    }

    private void start(boolean demo) throws Exception {
        start(demo, false);
    }

    private void start(boolean demo, boolean desktopDark) throws Exception {
        WindowMemory memory = WindowMemory.load(stateFile, desktopDark);
        AppServices services = new AppServices(workspace, new WorkspaceStore(), new CannedStatusService(1, () -> 0), null)
                .withMemory(memory);
        AppServices shown = demo ? services.withDemo(DemoHooks.demo(CompletableFuture.completedFuture(null), null)) : services;
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(shown));
        await().until(() -> fx(() -> table().getItems().size()) == 2);
    }

    private void closeAndAwaitSave() throws Exception {
        long before = Files.exists(stateFile) ? Files.getLastModifiedTime(stateFile).toMillis() : -1;
        String old = Files.exists(stateFile) ? Files.readString(stateFile) : "";
        FxToolkit.cleanupApplication(app);
        app = null;
        await().until(() -> Files.exists(stateFile) && !Files.readString(stateFile).equals(old));
    }

    private SplitPane split() {
        return robot.lookup(".split-pane").queryAs(SplitPane.class);
    }

    private TableView<ServerRow> table() {
        return robot.lookup("#server-table").queryTableView();
    }

    private static TableColumn<ServerRow, ?> column(TableView<ServerRow> t, String id) {
        return t.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
