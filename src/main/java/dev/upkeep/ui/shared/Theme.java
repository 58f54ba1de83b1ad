package dev.upkeep.ui.shared;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;

import java.util.Objects;

/**
 * The only place that knows about themes: AtlantaFX Primer light or dark as the user-agent stylesheet, plus
 * the app's own stylesheet (looked-up -color-* variables only, so both themes follow).
 */
public final class Theme {
    public static final String STYLESHEET = Objects.requireNonNull(
            Theme.class.getResource("upkeep.css"), "upkeep.css").toExternalForm();

    private final BooleanProperty dark = new SimpleBooleanProperty();

    public Theme(boolean darkAtStart) {
        dark.addListener((obs, was, now) -> apply(now));
        dark.set(darkAtStart);
        apply(darkAtStart);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Dialogs and popups have their own scenes: give them the app's stylesheet too. */
    public static void style(Parent root) {
        if (!root.getStylesheets().contains(STYLESHEET)) root.getStylesheets().add(STYLESHEET);
    }

    private static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
