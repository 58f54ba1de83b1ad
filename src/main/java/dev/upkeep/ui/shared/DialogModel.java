package dev.upkeep.ui.shared;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What a feature's dialog asks, in terms the dialog service knows: title, confirm button, validation. The
 * content is drawn by the view the shell registered for the model's class, so the dialog service (shared, at the
 * bottom) never names a feature's classes.
 */
public interface DialogModel {
    String title();

    default String header() {
        return title();
    }

    /** The text of the button that confirms. */
    String confirmText();

    /** Called when the user confirms; false keeps the dialog open with the input as typed. */
    default boolean validate() {
        return true;
    }

    /** The confirm button is greyed out while this is true. */
    default ObservableBooleanValue confirmDisabled() {
        return Bindings.createBooleanBinding(() -> false);
    }

    /** False hides the confirm button (when the content offers its own buttons). */
    default boolean confirmShown() {
        return true;
    }

    default boolean resizable() {
        return false;
    }
}
