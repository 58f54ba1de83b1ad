package dev.upkeep;

import dev.upkeep.demo.DemoFleet;
import dev.upkeep.demo.DemoPace;
import dev.upkeep.ui.UpkeepApp;
import dev.upkeep.ui.fleet.ServerRow;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real window (headless Monocle) on the demo fleet: offered on first start, labelled, and usable end to end. */
class DemoWindowTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private UpkeepApp app;

    @BeforeAll
    static void fast() {
        System.setProperty("upkeep.demo.pace", "instant");
    }

    @AfterAll
    static void human() {
        System.clearProperty("upkeep.demo.pace");
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void aFirstStartOffersTheDemoAndOneClickShowsTheDemoFleetInItsStates() throws Exception {
        Path workspace = dir.resolve("workspace.yml");
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(dev.upkeep.Window.services(workspace)));
        await().until(() -> fx(() -> robot.lookup("#empty-state").query().isVisible()));
        assertThat(text("#empty-title")).isEqualTo("No servers yet");
        assertThat(text("#try-demo")).isEqualTo("Try the demo fleet");

        robot.clickOn("#try-demo");
        // the window's content is rebuilt for the demo: look the table up once it is there
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> primary().getTitle()).equals("Upkeep — Demo fleet"));
        // the title may change a pulse before the new content is in the scene (failed once on a loaded machine)
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> robot.lookup("#server-table").tryQuery().isPresent()));
        TableView<ServerRow> table = table();
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> table.getItems().size() == 13
                && table.getItems().stream().allMatch(r -> r.state().known())));
        assertThat(text("#demo-badge")).isEqualTo("Demo");
        assertThat(fx(() -> rows(table, r -> r.state().rebootRequired()))).containsExactlyInAnyOrder("shop-web1", "db1");
        assertThat(fx(() -> rows(table, r -> !r.state().reachable()))).containsExactlyInAnyOrder("api4", "shop-worker3");
        assertThat(fx(() -> rows(table, r -> r.state().securityUpdates() > 0)))
                .containsExactlyInAnyOrder("shop-web1", "shop-web2", "shop-worker1", "api1", "api2", "db2", "db3");
        await().until(() -> text("#count-unreachable").equals("2 unreachable") && text("#count-reboot").equals("2 need reboot"));

        // the server with a new host key: the real trust dialog, with its fingerprint, then it answers
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> robot.lookup("#trust-table").tryQuery().isPresent()));
        robot.clickOn("#trust-select-all");
        robot.clickOn("Trust selected");
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> rows(table, r -> !r.state().reachable())).equals(List.of("api4")));
        assertThat(Files.exists(workspace)).as("the user's own workspace is left alone").isFalse();
    }

    @Test
    void oneClickUpgradeAndRebootOfTheDatabaseEndsWithItsServersClean() throws Exception {
        DemoFleet fleet = DemoFleet.start(DemoPace.instant());
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(dev.upkeep.Window.demoServices(fleet, null, null)));
        TableView<ServerRow> table = table();
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> table.getItems().size() == 13
                && table.getItems().stream().allMatch(r -> r.state().known())));
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> robot.lookup("#trust-table").tryQuery().isPresent()));
        robot.clickOn("Cancel");
        assertThat(fx(() -> rows(table, r -> r.ref().application().equals("db") && needsWork(r)))).containsExactly("db1", "db2", "db3");

        fx(() -> {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).ref().application().equals("db")) {
                    table.getSelectionModel().select(i);
                }
            }
            return null;
        });
        robot.clickOn("#upgrade-and-reboot");
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> robot.lookup("#deploy-run").tryQuery()
                .map(Node::isVisible).orElse(false)));
        robot.clickOn("#deploy-run");
        await().atMost(Duration.ofSeconds(90)).until(() -> fx(() -> robot.lookup("#run-notice").tryQuery().isPresent()));

        // the run re-checks the servers it ran on: nothing about the database is left to do
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> rows(table, r -> r.ref().application().equals("db")
                && (needsWork(r) || r.state().phase().busy()))).isEmpty());
        assertThat(fleet.directory().resolve("state/runs")).isDirectory();
    }

    private static boolean needsWork(ServerRow r) {
        return !r.state().known() || !r.state().reachable() || r.state().rebootRequired() || r.state().securityUpdates() > 0;
    }

    private TableView<ServerRow> table() {
        return robot.lookup("#server-table").queryTableView();
    }

    private static List<String> rows(TableView<ServerRow> table, java.util.function.Predicate<ServerRow> p) {
        return table.getItems().stream().filter(p).map(r -> r.ref().server()).toList();
    }

    private static Stage primary() {
        return (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("Upkeep")).findFirst().orElseThrow();
    }

    private String text(String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Labeled.class).getText());
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }
}
