package dev.upkeep.ui;

import dev.upkeep.windowstate.ThemeChoice;
import dev.upkeep.windowstate.WindowMemory;
import dev.upkeep.windowstate.WindowState;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The window. JavaFX creates this class itself, so the launcher hands the core services over once through
 * {@link #launchWith}; tests construct it with {@link #UpkeepApp(AppServices)}. Everything else is passed by
 * constructor from {@link AppContext}. Dark theme: {@code --dark} or {@code -Dupkeep.theme=dark}. With a
 * {@link WindowMemory}, the window reopens as it was closed (size, place, dividers, columns, theme).
 */
public final class UpkeepApp extends Application {
    /** The title of the demo fleet's window: it must never be mistaken for a real fleet. */
    public static final String DEMO_TITLE = "Upkeep — Demo fleet";
    private static volatile AppServices handedOver;
    private final AppServices services;
    private AppContext context;
    private Stage stage;
    private WindowMemory memory;
    private WindowLayout layout;

    public UpkeepApp() {
        this(null);
    }

    public UpkeepApp(AppServices services) {
        this.services = services;
    }

    /** Blocks until the window is closed. */
    public static void launchWith(AppServices services, String[] args) {
        handedOver = services;
        Application.launch(UpkeepApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        UncaughtErrors.install(() -> context == null ? null : context.dialogs);
        AppServices s = services != null ? services : handedOver;
        if (s == null) {
            throw new IllegalStateException("UpkeepApp needs AppServices: start it with UpkeepApp.launchWith");
        }
        this.stage = stage;
        this.memory = s.memory();
        this.layout = new WindowLayout(stage);
        WindowState remembered = memory == null ? WindowState.EMPTY : memory.remembered();
        show(s, darkRequested() ? ThemeChoice.DARK : remembered.themeOrDefault(), remembered);
        layout.place(remembered.bounds());
        stage.getIcons().setAll(AppIcons.load());
        stage.setOnCloseRequest(e -> {
            if (!context.mayQuit()) {
                e.consume();
            }
        });
        FirstFrame.logOnce(stage.getScene());
        stage.show();
        WindowLayout.divide(context.view, remembered);
        load(s);
    }

    /** Builds the window's content for these services (a first start, or the switch to the demo fleet). */
    private void show(AppServices s, ThemeChoice theme, WindowState layoutState) {
        context = new AppContext(s, stage, theme, memory != null && memory.desktopDark(),
                s.demo().starter() == null ? null : this::openDemo);
        WindowLayout.arrange(context.view, layoutState);
        if (stage.getScene() == null) {
            // Never larger than the screen: small laptops, and the headless test screen, which breaks on oversized windows.
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setScene(new Scene(context.view.node(), Math.min(1360, screen.getWidth()), Math.min(820, screen.getHeight())));
        } else {
            stage.getScene().setRoot(context.view.node());
        }
        stage.titleProperty().unbind();
        if (s.demo().active()) {
            stage.setTitle(DEMO_TITLE);
        } else {
            stage.titleProperty().bind(Bindings.concat("Upkeep — ", context.workspace.fileProperty().asString()));
        }
    }

    /** Reads the workspace off the FX thread (the window shows the empty state until it arrives). */
    private void load(AppServices s) {
        AppContext c = context;
        DemoSmokeTest smoke = s.demo().smokeTest() == null ? null : new DemoSmokeTest(c, s.demo().smokeTest());
        if (smoke != null) {
            smoke.start();
        }
        if (s.demo().ready() == null) {
            c.workspace.load(s.workspaceFile());
            return;
        }
        s.demo().ready().whenComplete((v, e) -> c.ui.onUi(() -> {
            if (c != context) {
                return;
            }
            if (e == null) {
                c.workspace.load(s.workspaceFile());
            } else if (smoke != null) {
                smoke.failed("the demo fleet could not start: " + e);
            } else {
                c.dialogs.showError("The demo fleet could not start", e);
            }
        }));
    }

    /** "Try the demo fleet": starts it off the FX thread, then this window shows it instead of the workspace. */
    private void openDemo() {
        AppContext c = context;
        c.ui.submit("start the demo fleet", c.services.demo().starter(), this::switchTo,
                e -> c.dialogs.showError("The demo fleet could not start", e));
    }

    private void switchTo(AppServices demo) {
        if (!context.mayQuit()) {
            closeQuietly(demo.shutdown());
            return;
        }
        AppContext old = context;
        WindowState now = layout.capture(old.view, null, null);
        show(demo, old.theme.choiceProperty().get(), now);
        WindowLayout.divide(context.view, now);
        old.close();
        load(demo);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(UpkeepApp.class).warn("closing the demo fleet: {}", e.toString());
        }
    }

    /** For tests and the demo window in this package. */
    AppContext context() {
        return context;
    }

    @Override
    public void stop() {
        // Leave the stage as we found it: tests (and embedders) reuse the primary stage after us.
        if (stage != null) {
            stage.titleProperty().unbind();
        }
        if (memory != null && context != null) {
            memory.saveLater(snapshot());
        }
        if (context != null) {
            context.close();
        }
    }

    /** The demo's workspace lives in a temporary folder: it is never remembered as the last one. */
    private WindowState snapshot() {
        return layout.capture(context.view, context.theme.choiceProperty().get(),
                context.services.demo().active() ? null : context.workspace.fileProperty().get());
    }

    private boolean darkRequested() {
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        return raw.contains("--dark") || "dark".equalsIgnoreCase(System.getProperty("upkeep.theme"));
    }
}
