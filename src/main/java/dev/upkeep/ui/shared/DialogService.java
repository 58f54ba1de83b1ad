package dev.upkeep.ui.shared;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog of the window goes through here (always owned by the main window; mocked in view-model tests). */
public interface DialogService {
    void showError(String title, String message);

    default void showError(String title, Throwable error) {
        showError(title, Errors.describe(error));
    }

    void showInfo(String title, String message);

    boolean confirm(String title, String message);

    /** A confirmation that only goes ahead once the user typed {@code word} (for what must not be clicked through). */
    boolean confirmTyped(String title, String message, String word);

    /** A password field; empty when the user cancels. The caller wipes the returned chars. */
    Optional<char[]> askSecret(String title, String question);

    /**
     * Shows a feature's dialog (a form, the host-key review) until it validates or the user cancels; true when the
     * user confirmed valid input.
     */
    boolean show(DialogModel model);

    Optional<Path> chooseWorkspace(Path current);

    /** A Manifest.yml to open, starting in {@code folder} when it exists; empty when the user cancels. */
    Optional<Path> chooseManifest(Path folder);
}
