package dev.upkeep.ui.shared;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.upkeep.windowstate.ThemeChoice;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;

import java.util.Objects;

/**
 * The only place that knows about themes: AtlantaFX Primer light or dark as the user-agent stylesheet, plus
 * the app's own stylesheet (looked-up -color-* variables only, so both themes follow). The user chooses light,
 * dark or the desktop's preference (read before the window opened); toggling dark by hand ends following.
 */
public final class Theme {
    public static final String STYLESHEET = Objects.requireNonNull(
            Theme.class.getResource("upkeep.css"), "upkeep.css").toExternalForm();

    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final ObjectProperty<ThemeChoice> choice = new SimpleObjectProperty<>();
    private final boolean desktopDark;

    public Theme(boolean darkAtStart) {
        this(darkAtStart ? ThemeChoice.DARK : ThemeChoice.LIGHT, false);
    }

    public Theme(ThemeChoice atStart, boolean desktopDark) {
        this.desktopDark = desktopDark;
        choice.set(atStart == null ? ThemeChoice.LIGHT : atStart);
        dark.set(darkFor(choice.get()));
        choice.addListener((obs, was, now) -> {
            if (now == null) {
                choice.set(ThemeChoice.LIGHT);
            } else {
                dark.set(darkFor(now));
            }
        });
        dark.addListener((obs, was, now) -> {
            apply(now);
            if (darkFor(choice.get()) != now) {
                choice.set(now ? ThemeChoice.DARK : ThemeChoice.LIGHT);
            }
        });
        apply(dark.get());
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public ObjectProperty<ThemeChoice> choiceProperty() {
        return choice;
    }

    /** Follow the desktop, or keep what shows now as the user's own choice. */
    public void follow(boolean desktop) {
        choice.set(desktop ? ThemeChoice.DESKTOP : dark.get() ? ThemeChoice.DARK : ThemeChoice.LIGHT);
    }

    private boolean darkFor(ThemeChoice c) {
        return c == ThemeChoice.DARK || c == ThemeChoice.DESKTOP && desktopDark;
    }

    /** Dialogs and popups have their own scenes: give them the app's stylesheet too. */
    public static void style(Parent root) {
        if (!root.getStylesheets().contains(STYLESHEET)) {
            root.getStylesheets().add(STYLESHEET);
        }
    }

    private static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
