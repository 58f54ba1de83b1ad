package dev.upkeep.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.upkeep.fleet.WorkspaceStore;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the desktop sees when the window starts: its icons, and the first-frame line the packaging measures with. */
class AppWindowStartTest {
    @TempDir
    Path dir;
    private UpkeepApp app;
    private final ListAppender<ILoggingEvent> startupLog = new ListAppender<>();
    private final Logger startup = (Logger) LoggerFactory.getLogger("dev.upkeep.startup");

    @AfterEach
    void stop() throws Exception {
        startup.detachAppender(startupLog);
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void windowOffersTheUpkeepIconAtEverySizeFrom16To512() throws Exception {
        // The stage may have been shown before (the suite reuses one primary stage): its old icons must go.
        Stage reused = FxToolkit.registerPrimaryStage();
        fx(() -> reused.getIcons().add(new Image(AppIcons.class.getResourceAsStream("icons/upkeep-16.png"))));
        Stage stage = start();
        List<Image> icons = fx(() -> List.copyOf(stage.getIcons()));
        assertThat(icons).extracting(i -> (int) i.getWidth()).containsExactly(16, 24, 32, 48, 64, 128, 256, 512);
        assertThat(icons).allSatisfy(i -> assertThat(i.isError()).isFalse());
    }

    @Test
    void firstFrameIsLoggedOnceWithTheTimeSinceTheProcessStarted() throws Exception {
        startupLog.start();
        startup.addAppender(startupLog);
        Level before = startup.getLevel();
        startup.setLevel(Level.INFO);
        try {
            start();
            await().until(() -> !startupLog.list.isEmpty());
            WaitForAsyncUtils.waitForFxEvents(3);
        } finally {
            startup.setLevel(before);
        }
        assertThat(startupLog.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .matches("first frame \\d+ ms after process start");
    }

    private Stage start() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(new AppServices(dir.resolve("workspace.yml"),
                new WorkspaceStore(), new CannedStatusService(1, () -> 0), null)));
        return stage;
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }
}
