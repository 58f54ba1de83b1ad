package dev.upkeep.ui;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ManifestServers;
import dev.upkeep.ui.fleet.ServerRow;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The manifest editor opened from the real window, and drift in the fleet table (headless Monocle in the suite). */
class ManifestInWindowTest {
    static final String MANIFEST = """
            # shop, production
            production:
              docker:
                configuration:
                  docker_version: 24.0.7   # keep in step with the image
                  weave_version: 2.8.1
                servers:
                  - server:
                      unique_name: web1
                  - server:
                      unique_name: web2
            """;
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private UpkeepApp app;
    private TableView<ServerRow> table;
    private Path manifest;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void editManifestFromTheMenuChangeDockerInTheFormSaveAndTheBytesAreExact() throws Exception {
        start();
        selectApplication("shop");
        robot.clickOn("Servers").clickOn("Edit Manifest.yml");
        TextField docker = await().until(() -> robot.lookup("#docker-version").tryQueryAs(TextField.class).orElse(null), f -> f != null);
        await().until(() -> fx(() -> "24.0.7".equals(docker.getText())));

        robot.clickOn(docker);
        robot.interact(docker::selectAll);
        robot.write("25.0.3");
        robot.clickOn("#apply-docker");
        String expected = MANIFEST.replace("docker_version: 24.0.7", "docker_version: 25.0.3");
        CodeArea area = robot.lookup("#manifest-text").queryAs(CodeArea.class);
        await().until(() -> fx(() -> expected.equals(area.getText())));
        assertThat(fx(() -> editorStage().getTitle())).startsWith("• shop — Manifest.yml").endsWith("(modified)");

        robot.clickOn("#save");
        Button confirm = await().until(() -> dialogButton("Save"), b -> b != null);
        robot.clickOn(confirm);

        await().until(() -> Files.readString(manifest).equals(expected));
        assertThat(Files.readAllBytes(manifest)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(dir.resolve("shop/Manifest.yml.bak"))).isEqualTo(MANIFEST);
        // The saved manifest is read again: now both web servers run an older Docker than it asks for.
        await().until(() -> cellsContaining("→ 25.0.3").size() == 2);
    }

    @Test
    void theFleetTableMarksTheServerRunningAnotherDockerAndOffersTheUpgrade() throws Exception {
        start();
        await().until(() -> cellsContaining("→").size() == 1);
        Labeled cell = cellsContaining("→").get(0);
        assertThat(cell.getText()).isEqualTo("20.10.24 → 24.0.7");
        assertThat(fx(cell::getGraphic)).as("a marker, not colour alone").isNotNull();
        assertThat(cellsWithText("24.0.7")).as("web1 is in step").hasSize(1);

        selectServer("web2");
        assertThat(text("#detail-drift")).isEqualTo("Drift from Manifest.yml");
        assertThat(fx(() -> robot.lookup("#drift-note").tryQuery())).as("versions to compare, nothing to explain").isEmpty();
        assertThat(labelsContaining("runs 20.10.24, manifest wants 24.0.7 (drifted)")).hasSize(1);

        // Headless Monocle sends no context-menu gesture on a right click: show the table's own menu at the row.
        Labeled web2 = cellsWithText("web2").get(0);
        robot.interact(() -> table.getContextMenu().show(web2, javafx.geometry.Side.BOTTOM, 0, 0));
        javafx.scene.control.MenuItem upgrade = fx(() -> table.getContextMenu().getItems().stream()
                .filter(i -> "upgrade-docker".equals(i.getId())).findFirst().orElseThrow());
        assertThat(fx(upgrade::isDisable)).as("web2 has drifted").isFalse();
        robot.clickOn("Upgrade Docker to manifest version…");
        await().until(() -> labelsContaining("Docker upgrades arrive with Deploy with options").size() == 1);
        assertThat(labelsContaining("web2: 20.10.24 → 24.0.7")).hasSize(1);
        robot.clickOn(dialogButton("OK"));

        selectServer("web1");
        assertThat(fx(upgrade::isDisable)).as("web1 runs what its manifest asks for").isTrue();
    }

    @Test
    void openingTheSameManifestTwiceFocusesTheOpenEditorAndClosingAsksAboutUnsavedEdits() throws Exception {
        start();
        selectApplication("shop");
        robot.clickOn("#edit-manifest");
        await().until(() -> fx(() -> app.context().manifests.openFiles().size()) == 1);
        robot.interact(() -> app.context().manifests.open(manifest, "shop"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> app.context().manifests.openFiles())).hasSize(1);
        assertThat(fx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().contains("Manifest.yml")).count())).isEqualTo(1);

        CodeArea area = robot.lookup("#manifest-text").queryAs(CodeArea.class);
        robot.interact(() -> area.insertText(0, "# a note\n"));
        await().until(() -> fx(() -> editorStage().getTitle().endsWith("(modified)")));
        Future<Boolean> quit = WaitForAsyncUtils.asyncFx(() -> app.context().mayQuit());
        Button cancel = await().until(() -> dialogButton("Cancel"), b -> b != null);
        assertThat(labelsContaining("has unsaved changes")).hasSize(1);
        robot.clickOn(cancel);
        assertThat(quit.get()).as("the user kept the edits").isFalse();
        assertThat(fx(() -> editorStage().isShowing())).isTrue();
        assertThat(Files.readString(manifest)).isEqualTo(MANIFEST);

        Future<Boolean> again = WaitForAsyncUtils.asyncFx(() -> app.context().mayQuit());
        robot.clickOn(await().until(() -> dialogButton("Discard changes"), b -> b != null));
        assertThat(again.get()).isTrue();
        assertThat(fx(() -> app.context().manifests.openFiles())).isEmpty();
        assertThat(Files.readString(manifest)).isEqualTo(MANIFEST);
    }

    private void start() throws Exception {
        Files.createDirectories(dir.resolve("shop"));
        manifest = dir.resolve("shop/Manifest.yml");
        Files.writeString(manifest, MANIFEST);
        Path file = dir.resolve("workspace.yml");
        ManifestServers.store().save(new Workspace(file, null, List.of(new Application("shop", "production", "shop/Manifest.yml", null,
                List.of(Server.of("web1", "10.0.0.1"), Server.of("web2", "10.0.0.2"))))));
        ServerStatus old = Canned.securityPending("shop", "web2"); // runs Docker 20.10.24
        CannedStatusService service = new CannedStatusService(2, () -> 0).answer(Canned.healthy("shop", "web1")).answer(old);
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(new AppServices(file, ManifestServers.store(), service, null)));
        table = robot.lookup("#server-table").queryTableView();
        // the window refreshes on first load
        await().until(() -> fx(() -> table.getItems().size() == 2 && table.getItems().stream().allMatch(r -> r.state().known())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void selectApplication(String name) throws Exception {
        ListView<Object> list = robot.lookup("#application-list").queryListView();
        robot.interact(() -> list.getSelectionModel().select(
                list.getItems().stream().filter(i -> i.toString().equals(name)).findFirst().orElseThrow()));
    }

    private void selectServer(String name) throws Exception {
        robot.interact(() -> table.getSelectionModel().clearAndSelect(table.getItems().indexOf(
                table.getItems().stream().filter(r -> r.ref().server().equals(name)).findFirst().orElseThrow())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Stage editorStage() {
        return (Stage) robot.lookup("#manifest-text").query().getScene().getWindow();
    }

    private Button dialogButton(String text) throws Exception {
        return fx(() -> robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElse(null));
    }

    private List<Labeled> cellsWithText(String text) throws Exception {
        return fx(() -> robot.lookup("#server-table .table-cell").queryAllAs(Labeled.class).stream().filter(c -> text.equals(c.getText())).toList());
    }

    private List<Labeled> cellsContaining(String text) throws Exception {
        return fx(() -> robot.lookup("#server-table .table-cell").queryAllAs(Labeled.class).stream()
                .filter(c -> c.getText() != null && c.getText().contains(text)).toList());
    }

    private List<Labeled> labelsContaining(String text) throws Exception {
        return fx(() -> robot.lookup(".label").queryAllAs(Labeled.class).stream()
                .filter(c -> c.getText() != null && c.getText().contains(text) && c.isVisible()).toList());
    }

    private String text(String query) throws Exception {
        return fx(() -> robot.lookup(query).queryLabeled().getText());
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
