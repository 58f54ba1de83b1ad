package dev.upkeep.ui;

import dev.upkeep.fleet.WorkspaceStore;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The detail pane's History tab is not part of the first frame; it appears, complete, when first selected. */
class LazyHistoryTabTest {
    @TempDir
    Path dir;
    private UpkeepApp app;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void theHistoryTabsTableJoinsTheWindowWhenTheTabIsFirstSelected() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(new AppServices(dir.resolve("workspace.yml"),
                new WorkspaceStore(), new CannedStatusService(1, () -> 0), null)));
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#detail-tabs").query();
        assertThat(robot.lookup("#detail-history-table").tryQuery()).as("the History table before its tab was shown").isEmpty();

        fx(() -> {
            tabs.getSelectionModel().select(1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> table = robot.lookup("#detail-history-table").queryTableView();
        assertThat(fx(() -> table.getColumns().stream().map(c -> c.getText()).toList()))
                .containsExactly("When (UTC)", "Started by", "Security", "Changes");
        assertThat(fx(() -> table.isVisible() && table.getScene() != null && table.getWidth() > 0)).isTrue();
        Label message = robot.lookup("#detail-history-message").query();
        assertThat(fx(message::getText)).isEqualTo("Select a row to see its patch history.");
        assertThat(fx(() -> message.isVisible() && message.getScene() != null)).isTrue();
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }
}
