package dev.upkeep.ui;

import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;

/**
 * The window. JavaFX creates this class itself, so the launcher hands the core services over once through
 * {@link #launchWith}; tests construct it with {@link #UpkeepApp(AppServices)}. Everything else is passed by
 * constructor from {@link AppContext}. Dark theme: {@code --dark} or {@code -Dupkeep.theme=dark}.
 */
public final class UpkeepApp extends Application {
    private static volatile AppServices handedOver;
    private final AppServices services;
    private AppContext context;
    private Stage stage;

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
        if (s == null) throw new IllegalStateException("UpkeepApp needs AppServices: start it with UpkeepApp.launchWith");
        context = new AppContext(s, stage, darkRequested());
        // Never larger than the screen: small laptops, and the headless test screen, which breaks on oversized windows.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(context.view.node(), Math.min(1360, screen.getWidth()), Math.min(820, screen.getHeight())));
        this.stage = stage;
        stage.titleProperty().bind(Bindings.concat("Upkeep — ", context.workspace.fileProperty().asString()));
        stage.getIcons().addAll(AppIcons.load());
        stage.setOnCloseRequest(e -> {
            if (!context.mayQuit()) e.consume();
        });
        FirstFrame.logOnce(stage.getScene());
        stage.show();
        // Read the file off the FX thread; the window shows the empty state until it arrives.
        context.workspace.load(s.workspaceFile());
    }

    /** For tests and the demo window in this package. */
    AppContext context() {
        return context;
    }

    @Override
    public void stop() {
        // Leave the stage as we found it: tests (and embedders) reuse the primary stage after us.
        if (stage != null) stage.titleProperty().unbind();
        if (context != null) context.close();
    }

    private boolean darkRequested() {
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        return raw.contains("--dark") || "dark".equalsIgnoreCase(System.getProperty("upkeep.theme"));
    }
}
