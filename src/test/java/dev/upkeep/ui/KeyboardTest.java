package dev.upkeep.ui;

import dev.upkeep.ui.shared.Shortcuts;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.ui.fleet.ServerRow;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The main window driven by keys alone, and the shortcuts it promises. */
class KeyboardTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private UpkeepApp app;
    private TableView<ServerRow> table;

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("workspace.yml");
        new WorkspaceStore().save(new Workspace(file, null, List.of(new Application("shop", "production", null, null,
                List.of(Server.of("web1", "10.0.0.1"), Server.of("web2", "10.0.0.2"), Server.of("db1", "10.0.0.3"))))));
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(new AppServices(file, new WorkspaceStore(),
                new CannedStatusService(1, () -> 0), null)));
        table = robot.lookup("#server-table").queryTableView();
        await().until(() -> fx(() -> table.getItems().size()) == 3);
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
    void noTwoMenuItemsShareAShortcutAndEveryToolbarActionHasOne() throws Exception {
        List<KeyCombination> accelerators = fx(() -> menuItems().map(MenuItem::getAccelerator).filter(a -> a != null).toList());
        assertThat(accelerators).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(Shortcuts.MENUS.size());
        assertThat(accelerators).containsAll(Shortcuts.MENUS.stream().map(Shortcuts.Shortcut::combination).toList());

        List<String> toolbarIds = fx(() -> robot.lookup("#main-toolbar").queryAs(ToolBar.class).getItems().stream()
                .filter(n -> n instanceof Control && n.getId() != null).map(Node::getId).toList());
        assertThat(toolbarIds).isNotEmpty().allSatisfy(id -> {
            assertThat(Shortcuts.TOOLBAR).as("toolbar action %s has a shortcut", id).containsKey(id);
            assertThat(accelerators).as("a menu item answers %s's shortcut", id).contains(Shortcuts.TOOLBAR.get(id).combination());
        });
    }

    @Test
    void findMovesToTheTableWhereArrowsSpaceAndEnterWork() throws Exception {
        robot.press(KeyCode.SHORTCUT, KeyCode.F).release(KeyCode.F, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup("#search").query().isFocused())).isTrue();
        robot.write("web");
        await().until(() -> fx(() -> table.getItems().size()) == 2);

        robot.type(KeyCode.DOWN);
        assertThat(fx(table::isFocused)).isTrue();
        assertThat(selectedServers()).containsExactly(fx(() -> table.getItems().get(0).ref().server()));

        robot.press(KeyCode.SHORTCUT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.SHORTCUT);
        robot.type(KeyCode.SPACE);
        assertThat(selectedServers()).containsExactlyInAnyOrder("web1", "web2");
        robot.type(KeyCode.SPACE);
        assertThat(selectedServers()).hasSize(1);

        robot.type(KeyCode.ENTER);
        await().until(() -> fx(() -> dialogOpen()));
        assertThat(fx(() -> robot.lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText() + "")).containsIgnoringCase("server");
        robot.type(KeyCode.ESCAPE);
        await().until(() -> !fx(this::dialogOpen));
    }

    @Test
    void shiftF10OpensTheRowMenuAtTheRow() throws Exception {
        robot.press(KeyCode.SHORTCUT, KeyCode.F).release(KeyCode.F, KeyCode.SHORTCUT);
        robot.type(KeyCode.DOWN);
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        await().until(() -> fx(() -> table.getContextMenu().isShowing()));
        robot.type(KeyCode.ESCAPE);
        await().until(() -> !fx(() -> table.getContextMenu().isShowing()));
    }

    @Test
    void f1ListsTheShortcuts() throws Exception {
        robot.type(KeyCode.F1);
        await().until(() -> fx(this::dialogOpen));
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(fx(pane::getHeaderText)).isEqualTo(KeyboardHelp.TITLE);
        assertThat(fx(pane::getContentText)).contains(Shortcuts.UPGRADE_AND_REBOOT.display() + " ")
                .contains("Upgrade and reboot").contains("F5").contains(Shortcuts.CANCEL_RUN.display()).contains("Space");
        robot.type(KeyCode.ENTER);
        await().until(() -> !fx(this::dialogOpen));
    }

    @Test
    void theThemeShortcutSwitchesBetweenLightAndDark() throws Exception {
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-light");
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-dark");
    }

    private boolean dialogOpen() {
        return Window.getWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane);
    }

    private List<String> selectedServers() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> new ArrayList<>(table.getSelectionModel().getSelectedItems()).stream().map(r -> r.ref().server()).toList());
    }

    private Stream<MenuItem> menuItems() {
        MenuBar bar = robot.lookup("#main-menu").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(KeyboardTest::items);
    }

    private static Stream<MenuItem> items(MenuItem item) {
        return item instanceof Menu m ? Stream.concat(Stream.of(m), m.getItems().stream().flatMap(KeyboardTest::items)) : Stream.of(item);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
