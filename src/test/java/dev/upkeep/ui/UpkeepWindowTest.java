package dev.upkeep.ui;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.PrivateState;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.ui.fleet.ServerRow;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real window (headless Monocle in the suite) against canned statuses: one reboot-required server, one unreachable. */
class UpkeepWindowTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private UpkeepApp app;
    private TableView<ServerRow> table;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void refreshFillsTheTableAndMarksTheServerThatNeedsAReboot() throws Exception {
        startWithThreeServers();
        refresh();

        assertThat(cellsWithText("Reboot required")).hasSize(1);
        assertThat(fx(() -> table.getItems().stream().filter(r -> r.state().rebootRequired()).map(r -> r.ref().server()).toList()))
                .containsExactly("web1");
        assertThat(rowsWith("reboot-required")).hasSize(1);
        assertThat(rowsWith("unreachable")).hasSize(1);
        assertThat(cellsContaining("Connection timed out")).as("the unreachable row says why").hasSize(1);
        assertThat(text("#count-reboot")).isEqualTo("1 need reboot");
        assertThat(text("#count-unreachable")).isEqualTo("1 unreachable");
        assertThat(text("#count-reachable")).isEqualTo("2 reachable");
    }

    @Test
    void anUnreachableServerShowsBlanksNeverZerosNoOrOffAndIsLeftOutOfTheCounts() throws Exception {
        startWithThreeServers();
        refresh();

        List<String> cells = fx(() -> robot.lookup(".table-row-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableRow<?>) n)
                .filter(r -> r.getItem() instanceof ServerRow row && row.ref().server().equals("web3"))
                .flatMap(r -> r.lookupAll(".table-cell").stream())
                .map(c -> ((Labeled) c).getText()).map(t -> t == null ? "" : t).toList());
        assertThat(cells).contains("web3", "unreachable").noneMatch(t -> t.matches("0|no|off|none|never updated"));

        robot.clickOn(cellsWithText("web3").get(0));
        WaitForAsyncUtils.waitForFxEvents();
        String detail = fx(() -> String.join("\n", robot.lookup("#server-detail .label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).toList()));
        assertThat(detail).contains("unreachable").doesNotContain("Security updates").doesNotContain("Reboot required")
                .doesNotContain("Unattended upgrades");
        assertThat(text("#count-security")).as("unknown is not counted").startsWith("0 ");
    }

    @Test
    void aServerWhoseCountsAreUnknownShowsBlanksNotZeros() throws Exception {
        Path file = dir.resolve("workspace.yml");
        new WorkspaceStore().save(new Workspace(file, null, List.of(new Application("shop", "production", null, null,
                List.of(Server.of("web4", "10.0.0.4"))))));
        start(file, new CannedStatusService(1, () -> 0).answer(Canned.partlyKnown("shop", "web4")));
        await().until(() -> fx(() -> table.getItems().size()) == 1);
        refresh();

        List<String> cells = fx(() -> robot.lookup(".table-row-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableRow<?>) n)
                .filter(r -> r.getItem() instanceof ServerRow row && row.ref().server().equals("web4"))
                .flatMap(r -> r.lookupAll(".table-cell").stream())
                .map(c -> ((Labeled) c).getText()).map(t -> t == null ? "" : t).toList());
        assertThat(cells).contains("web4", "reachable", "6.1.0-18-amd64").noneMatch(t -> t.matches("0|no|off|never updated"));
        robot.clickOn(cellsWithText("web4").get(0));
        WaitForAsyncUtils.waitForFxEvents();
        String detail = fx(() -> String.join("\n", robot.lookup("#server-detail .label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).toList()));
        assertThat(detail).contains("Security updates\n—").contains("Reboot required\n—").contains("Unattended upgrades\n—")
                .contains("Package lists\n—");
    }

    @Test
    void needsAttentionOnlyAndSearchNarrowTheTable() throws Exception {
        startWithThreeServers();
        refresh();

        robot.clickOn("#attention-only");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visibleServers()).containsExactlyInAnyOrder("web1", "web3");
        robot.clickOn("#attention-only");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visibleServers()).hasSize(3);

        robot.clickOn("#search").write("web2");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visibleServers()).containsExactly("web2");
    }

    @Test
    void aNewcomerSeesWhatToDoAndWhereTheWorkspaceLives() throws Exception {
        Path file = dir.resolve("workspace.yml");
        start(file, new CannedStatusService(1, () -> 0));
        await().until(() -> fx(() -> robot.lookup("#empty-state").query().isVisible()));
        assertThat(text("#empty-title")).isEqualTo("No servers yet");
        assertThat(text("#empty-text")).contains("Add an application");
        assertThat(text("#empty-where")).contains(file.toString());
    }

    @Test
    void foldersOthersCouldReadAreMadePrivateAndTheWindowSaysSoOnce() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config/upkeep"));
        Path state = Files.createDirectories(dir.resolve("state/upkeep/runs/20261125T100000Z-oldold"));
        for (Path p : List.of(config, dir.resolve("state/upkeep"), dir.resolve("state/upkeep/runs"), state)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path file = config.resolve("workspace.yml");
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(new AppServices(file, new WorkspaceStore(),
                new CannedStatusService(1, () -> 0), null, null, null, new PrivateState(config, dir.resolve("state/upkeep")))));

        await().until(() -> fx(() -> robot.lookup(".dialog-pane").tryQueryAs(DialogPane.class)
                .map(DialogPane::getHeaderText).orElse("")).equals(AppContext.PRIVATE_FOLDERS_TITLE));
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(fx(pane::getContentText)).contains("Made " + config + " private").contains("Made " + dir.resolve("state/upkeep") + " private")
                .contains("was rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup(".dialog-pane").tryQuery().isPresent())).isFalse();
    }

    @Test
    void viewMenuSwitchesToTheDarkThemeAndBack() throws Exception {
        startWithThreeServers();
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-light");
        robot.clickOn("View").clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-dark");
        robot.clickOn("View").clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-light");
    }

    private void startWithThreeServers() throws Exception {
        Path file = dir.resolve("workspace.yml");
        new WorkspaceStore().save(new Workspace(file, null, List.of(new Application("shop", "production", null, null,
                List.of(Server.of("web1", "10.0.0.1"), Server.of("web2", "10.0.0.2"), Server.of("web3", "10.0.0.3"))))));
        CannedStatusService service = new CannedStatusService(2, () -> 0)
                .answer(Canned.rebootRequired("shop", "web1"))
                .answer(Canned.healthy("shop", "web2"))
                .answer(Canned.unreachable("shop", "web3"));
        start(file, service);
        await().until(() -> fx(() -> table.getItems().size()) == 3);
    }

    private void start(Path file, CannedStatusService service) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(new AppServices(file, new WorkspaceStore(), service, null)));
        table = robot.lookup("#server-table").queryTableView();
    }

    private void refresh() throws Exception {
        robot.clickOn("#refresh");
        await().until(() -> fx(() -> table.getItems().stream().allMatch(r -> r.state().known() && !r.state().phase().busy())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> visibleServers() throws Exception {
        return fx(() -> table.getItems().stream().map(r -> r.ref().server()).toList());
    }

    private List<Node> rowsWith(String pseudoClass) throws Exception {
        PseudoClass pc = PseudoClass.getPseudoClass(pseudoClass);
        return fx(() -> robot.lookup(".table-row-cell").queryAll().stream().filter(n -> n.getPseudoClassStates().contains(pc)).toList());
    }

    private List<Labeled> cellsWithText(String text) throws Exception {
        return fx(() -> robot.lookup(".table-cell").queryAllAs(Labeled.class).stream().filter(c -> text.equals(c.getText())).toList());
    }

    private List<Labeled> cellsContaining(String text) throws Exception {
        return fx(() -> robot.lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .filter(c -> c.getText() != null && c.getText().contains(text)).toList());
    }

    private String text(String query) throws Exception {
        return fx(() -> robot.lookup(query).queryLabeled().getText());
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
