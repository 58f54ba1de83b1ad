package dev.upkeep.ui.packages;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.PackageExposure;
import dev.upkeep.run.PoolConnections;
import dev.upkeep.run.RunHistory;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.testfleet.LibraryDemo;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.ui.AppServices;
import dev.upkeep.ui.UpkeepApp;
import dev.upkeep.ui.deploy.RunServices;
import dev.upkeep.ui.fleet.ServerRow;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Servers › Find package… in the real window against real Debian servers: srv01 has the library below the fixed
 * version, srv02 the fixed one, srv03 none; the exposed server is picked out, selected, and handed to Deploy alone.
 */
class FindPackageWindowOnRealServersTest {
    private static TestFleet fleet;
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private SshStatusService status;
    private UpkeepApp app;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(3);
        fleet.repo().publish("bookworm", LibraryDemo.library(fleet.server(0), "1.0"));
        fleet.repo().publish("bookworm-security", LibraryDemo.library(fleet.server(0), "1.1"));
        fleet.server(0).run("apt-get -q update && apt-get install -y -q " + LibraryDemo.LIBRARY + "=1.0");
        fleet.server(1).run("apt-get -q update && apt-get install -y -q " + LibraryDemo.LIBRARY);
        fleet.server(2).run("apt-get -q update");
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
    void theExposedServerIsShownSelectedAndHandedToDeployAlone() throws Exception {
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers());
        new WorkspaceStore().save(ws);
        status = new SshStatusService();
        RunServices runs = RunServices.standard(w -> new PoolConnections(w, PassphraseProvider.NONE), new RunHistory(dir.resolve("state")));
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(
                new AppServices(ws.file(), new WorkspaceStore(), status, null, null, runs)));
        TableView<ServerRow> servers = robot.lookup("#server-table").queryTableView();
        await().atMost(Duration.ofSeconds(90)).until(() -> fx(() -> servers.getItems().size() == 3
                && servers.getItems().stream().allMatch(r -> r.state().known())));

        robot.clickOn("Servers").clickOn("#menu-find-package");
        robot.clickOn("#find-package-names").write("libupkeepdemo*");
        robot.clickOn("#find-package-below").write("1.0 x");
        robot.clickOn("#find-package-go");
        assertThat(fx(() -> robot.lookup("#find-package-message").queryLabeled().getText()))
                .isEqualTo("fixed version: '1.0 x' is not a Debian version");

        robot.doubleClickOn("#find-package-below").eraseText(5).write("1.1");
        robot.clickOn("#find-package-go");
        TableView<PackageExposure> table = robot.lookup("#find-package-table").queryTableView();
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> table.getItems().size() == 3));
        assertThat(fx(() -> robot.lookup("#find-package-message").queryLabeled().getText()))
                .isEqualTo("3 server(s) asked, 1 exposed (below 1.1)");
        assertThat(fx(() -> cells(table, 0))).containsExactly("srv01", "shop", LibraryDemo.LIBRARY, "1.0", "1.1", "yes", "yes", "");
        assertThat(fx(() -> cells(table, 1))).containsExactly("srv02", "shop", LibraryDemo.LIBRARY, "1.1", "1.1", "yes", "no", "");
        assertThat(fx(() -> cells(table, 2))).containsExactly("srv03", "shop", "(none installed)", "", "", "", "no", "");
        screenshot(table.getScene(), Path.of("target", "screenshots", "find-package.png"));

        robot.clickOn("#find-package-select-exposed");
        assertThat(fx(() -> servers.getSelectionModel().getSelectedItems().stream().map(ServerRow::ref).toList()))
                .containsExactly(new ServerRef("shop", "srv01"));

        robot.clickOn("#find-package-deploy");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> robot.lookup("#deploy-dialog").tryQuery().isPresent()));
        assertThat(fx(() -> robot.lookup("#deploy-dialog").lookup(".label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList())).contains("1 of 1 server(s) selected");
        robot.clickOn("Cancel");
    }

    private static List<String> cells(TableView<PackageExposure> table, int row) {
        return table.getColumns().stream().map(c -> String.valueOf(c.getCellData(row))).toList();
    }

    /** Evidence for the README: the answer as the window shows it. */
    private static void screenshot(Scene scene, Path target) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(target.getParent());
        ImageIO.write(out, "png", target.toFile());
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
