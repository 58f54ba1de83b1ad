package dev.upkeep.ui.inventory;

import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.ui.AppServices;
import dev.upkeep.ui.CannedStatusService;
import dev.upkeep.ui.UpkeepApp;
import dev.upkeep.ui.fleet.ServerRow;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Servers › Import… in the real window: a broken file names its line, the preview shows, Import writes and the table follows. */
class ImportWindowTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private UpkeepApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void aBrokenInventoryNamesItsLineThenThePreviewShowsAndImportWritesAndTheTableFollows() throws Exception {
        Path workspace = dir.resolve("workspace.yml");
        Files.writeString(dir.resolve("ssh_config"), "");
        Files.writeString(workspace, """
                settings:
                  sshConfig: ssh_config
                applications:
                  - name: web
                    servers:
                      - name: web1
                        host: 10.0.0.11
                  - name: db
                    servers:
                      - name: old
                        host: 10.0.0.21
                """);
        Path bad = dir.resolve("bad.ini");
        Files.writeString(bad, "[web]\nweb1\nweb[01:]\n");
        Path good = dir.resolve("hosts.yml");
        Files.writeString(good, """
                all:
                  children:
                    web:
                      hosts:
                        web1: {ansible_host: 10.0.0.12, ansible_user: deploy}
                        web2: {ansible_host: 10.0.0.13}
                    db:
                      hosts:
                        db1: {ansible_host: 10.0.0.21}
                        db2: {ansible_host: 10.0.0.22, ansible_port: 2222, ansible_become: true, ansible_password: hunter2}
                """);
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(new AppServices(workspace, new WorkspaceStore(),
                new CannedStatusService(1, () -> 0), null)));
        TableView<ServerRow> table = robot.lookup("#server-table").queryTableView();
        await().until(() -> fx(() -> table.getItems().size()) == 2);
        String before = Files.readString(workspace);

        robot.clickOn("Servers");
        robot.clickOn("#menu-import");
        await().until(() -> fx(() -> robot.lookup("#import-dialog").tryQuery().isPresent()));

        robot.clickOn("#import-file").write(bad.toString());
        robot.clickOn("#import-preview");
        await().until(() -> !text("#import-problem").isEmpty());
        assertThat(text("#import-problem")).startsWith(bad + ":3: ").contains("Nothing was imported");
        assertThat(fx(() -> robot.lookup("#import-apply").queryAs(Button.class).isDisabled())).isTrue();

        fx(() -> {
            robot.lookup("#import-file").queryTextInputControl().setText(good.toString());
            return null;
        });
        robot.clickOn("#import-preview");
        await().until(() -> !text("#import-summary").isEmpty());
        assertThat(text("#import-summary")).isEqualTo("2 to add, 1 to change, 1 skipped");
        TableView<ImportRow> rows = robot.lookup("#import-rows").queryTableView();
        List<String> shown = fx(() -> rows.getItems().stream().map(r -> r.what() + " " + r.server() + ": " + r.detail()).toList());
        assertThat(shown).contains("Add web/web2: 10.0.0.13 groups web", "Add db/db2: 10.0.0.22:2222 sudo groups db",
                        "Skip db/db1: same host and port as db/old (10.0.0.21:22)")
                .anyMatch(l -> l.startsWith("Change web/web1: host 10.0.0.11 → 10.0.0.12; user (none) → deploy"))
                .anyMatch(l -> l.startsWith("Not used db2: ansible_password"))
                .noneMatch(l -> l.contains("hunter2"));
        assertThat(Files.readString(workspace)).as("a preview writes nothing").isEqualTo(before);
        screenshot("import-dialog.png");

        robot.clickOn("#import-apply");
        await().until(() -> fx(() -> table.getItems().size()) == 4);
        assertThat(text("#import-summary")).startsWith("Imported: 2 added, 1 changed.");
        var saved = new WorkspaceStore().load(workspace);
        assertThat(saved.application("web").orElseThrow().servers()).extracting(Server::name, Server::host).containsExactly(
                org.assertj.core.groups.Tuple.tuple("web1", "10.0.0.12"), org.assertj.core.groups.Tuple.tuple("web2", "10.0.0.13"));
        assertThat(saved.application("db").orElseThrow().servers()).extracting(Server::name).containsExactly("old", "db2");
        assertThat(fx(() -> robot.lookup("#import-apply").queryAs(Button.class).isDisabled())).as("written once").isTrue();
    }

    /** The dialog as drawn, for a person to look at (target/screenshots). */
    private void screenshot(String name) throws Exception {
        Path out = Path.of("target/screenshots");
        Files.createDirectories(out);
        WritableImage image = fx(() -> {
            Scene scene = Window.getWindows().stream().filter(w -> w instanceof Stage s && "Import servers".equals(s.getTitle()))
                    .findFirst().orElseThrow().getScene();
            return scene.snapshot(null);
        });
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage png = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(png, "png", out.resolve(name).toFile());
    }

    private String text(String query) throws Exception {
        return fx(() -> {
            String t = robot.lookup(query).queryLabeled().getText();
            return t == null ? "" : t;
        });
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
