package dev.upkeep.ui.report;

import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.ui.AppServices;
import dev.upkeep.ui.Canned;
import dev.upkeep.ui.CannedStatusService;
import dev.upkeep.ui.UpkeepApp;
import dev.upkeep.ui.fleet.ServerRow;
import javafx.scene.control.ChoiceBox;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** File › Export report… in the real window: a bad target is named and writes nothing; then the report is written, private. */
class ExportReportWindowTest {
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
    void exportWritesTheLastRefreshAsAPrivateHtmlReportWithARowPerServerAndABadFolderWritesNothing() throws Exception {
        Path workspace = dir.resolve("workspace.yml");
        Files.writeString(dir.resolve("ssh_config"), "");
        Files.writeString(workspace, """
                settings:
                  sshConfig: ssh_config
                applications:
                  - name: shop
                    servers:
                      - name: web1
                        host: 10.0.0.11
                      - name: db1
                        host: 10.0.0.21
                """);
        CannedStatusService statuses = new CannedStatusService(1, () -> 0)
                .answer(Canned.rebootRequired("shop", "web1"));
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(new AppServices(workspace, new WorkspaceStore(),
                statuses, null)));
        TableView<ServerRow> table = robot.lookup("#server-table").queryTableView();
        await().until(() -> fx(() -> table.getItems().stream().allMatch(r -> r.state().status() != null)) && table.getItems().size() == 2);

        robot.clickOn("File");
        robot.clickOn("#menu-export-report");
        await().until(() -> fx(() -> robot.lookup("#export-dialog").tryQuery().isPresent()));

        Path nowhere = dir.resolve("missing/report.html");
        setFile(nowhere);
        robot.clickOn("#export-go");
        await().until(() -> !message().isEmpty());
        assertThat(message()).isEqualTo("No folder " + dir.resolve("missing") + ".");
        assertThat(Files.exists(nowhere)).isFalse();

        Path file = dir.resolve("fleet.html");
        setFile(file);
        assertThat(fx(() -> robot.lookup("#export-format").queryAs(ChoiceBox.class).getValue().toString())).isEqualTo("html");
        screenshot("export-report-dialog.png");
        robot.clickOn("#export-go");
        await().until(() -> Files.exists(file) && fx(() -> robot.lookup("#export-dialog").tryQuery().isEmpty()));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String html = Files.readString(file);
        Document dom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        NodeList rows = ((Element) dom.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        assertThat(rows.getLength()).isEqualTo(2);
        assertThat(rows.item(0).getTextContent()).contains("shop/web1").contains("reboot required").contains("libc6");
        assertThat(rows.item(1).getTextContent()).contains("shop/db1").contains("unreachable");
        assertThat(dom.getElementsByTagName("svg").getLength()).isEqualTo(2);
        assertThat(statuses.refreshed()).as("the report is the last refresh; no server is asked again").hasSize(1);
    }

    /** The dialog as drawn, for a person to look at (target/screenshots). */
    private void screenshot(String name) throws Exception {
        Path out = Files.createDirectories(Path.of("target/screenshots"));
        WritableImage image = fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "Export report".equals(s.getTitle())).findFirst().orElseThrow()
                .getScene().snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", out.resolve(name).toFile());
    }

    private void setFile(Path file) throws Exception {
        fx(() -> {
            robot.lookup("#export-file").queryTextInputControl().setText(file.toString());
            return null;
        });
    }

    private String message() throws Exception {
        return fx(() -> {
            String t = robot.lookup("#export-message").queryLabeled().getText();
            return t == null ? "" : t;
        });
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
