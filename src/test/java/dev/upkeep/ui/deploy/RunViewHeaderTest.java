package dev.upkeep.ui.deploy;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The run window's header in a narrow window with a long title: the title gives way, Pause and Cancel keep their words. */
class RunViewHeaderTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLongTitleIsCutBeforeThePauseAndCancelButtonsAre() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<Server> servers = new ArrayList<>();
        List<ServerRef> refs = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            servers.add(new Server("application-server-" + i, "10.0.0." + i, null, "root", null, false, List.of()));
            refs.add(new ServerRef("a-very-long-application-name-for-the-title", "application-server-" + i));
        }
        Workspace ws = new Workspace(dir.resolve("workspace.yml"), null,
                List.of(new Application("a-very-long-application-name-for-the-title", "production", null, null, servers)));
        ManualUiExecutor ui = new ManualUiExecutor();
        Deployments deployments = new Deployments(new FakeRuns(60_000, 0, Set.of()).services(dir.resolve("state")), () -> ws,
                r -> null, (t, q) -> null, ui, r -> { });
        DeployViewModel dialog = deployments.dialog(refs);
        dialog.dockerProperty().set(true);
        dialog.weaveProperty().set(true);
        dialog.rebootProperty().set(true);
        dialog.check();
        await().until(() -> {
            ui.runPending();
            return dialog.reportProperty().get() != null;
        });
        RunViewModel run = deployments.start(dialog.confirm());
        Stage stage = fx(() -> {
            RunView view = new RunView(run, ui, null);
            view.show();
            view.stage().setWidth(760);
            return view.stage();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label head = robot.from(stage.getScene().getRoot()).lookup(".title-4").queryAs(Label.class);
        Button pause = robot.lookup("#run-pause").queryButton();
        Button cancel = robot.lookup("#run-cancel").queryButton();
        fx(() -> {
            assertThat(head.getWidth()).as("the title gave way").isLessThan(head.prefWidth(-1));
            assertThat(pause.getWidth()).as("Pause keeps its words").isGreaterThanOrEqualTo(pause.prefWidth(-1) - 0.5);
            assertThat(cancel.getWidth()).as("Cancel keeps its words").isGreaterThanOrEqualTo(cancel.prefWidth(-1) - 0.5);
            assertThat(head.getTooltip().getText()).isEqualTo(head.getText());
            return null;
        });
        fx(() -> {
            run.cancel();
            return null;
        });
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }
}
