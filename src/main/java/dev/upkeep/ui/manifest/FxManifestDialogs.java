package dev.upkeep.ui.manifest;

import dev.upkeep.manifest.LineDiff;
import dev.upkeep.manifest.Problem;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@link ManifestDialogs} as owned JavaFX alerts. The window's shared dialog service can replace this class;
 * the editor only knows the interface.
 */
public final class FxManifestDialogs implements ManifestDialogs {
    private final Supplier<Window> owner;

    public FxManifestDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmSave(String unifiedDiff, List<Problem> warnings) {
        ButtonType save = new ButtonType(warnings.isEmpty() ? "Save" : "Save anyway", ButtonBar.ButtonData.OK_DONE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Save Manifest.yml?",
                warnings.isEmpty() ? "These lines change:" : warnings.size() + " warning(s); these lines change:",
                unifiedDiff + (warnings.isEmpty() ? "" : "\nWarnings:\n" + describe(warnings)));
        alert.getButtonTypes().setAll(save, ButtonType.CANCEL);
        return alert.showAndWait().filter(save::equals).isPresent();
    }

    @Override
    public void showSaveBlocked(List<Problem> errors) {
        alert(Alert.AlertType.ERROR, "Not saved", "Fix these errors first (click one in the problems list to jump there):",
                describe(errors)).showAndWait();
    }

    @Override
    public ChangedOnDisk changedOnDisk(String opened, String onDisk, String mine) {
        ButtonType overwrite = new ButtonType("Overwrite with mine", ButtonBar.ButtonData.OTHER);
        ButtonType reload = new ButtonType("Reload from disk (drop mine)", ButtonBar.ButtonData.OTHER);
        String diskView = onDisk == null ? "(the file is gone)" : LineDiff.unified(opened, onDisk, "opened", "on disk");
        String mineView = LineDiff.unified(opened, mine, "opened", "mine");
        Alert alert = alert(Alert.AlertType.WARNING, "The file changed on disk",
                "Someone changed the file after you opened it. What changed on disk, and what you changed:",
                diskView + "\n" + mineView);
        alert.getButtonTypes().setAll(overwrite, reload, ButtonType.CANCEL);
        ButtonType choice = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (choice == overwrite) {
            return ChangedOnDisk.OVERWRITE;
        }
        return choice == reload ? ChangedOnDisk.RELOAD_FROM_DISK : ChangedOnDisk.CANCEL;
    }

    @Override
    public boolean confirmDiscard(String fileName) {
        ButtonType discard = new ButtonType("Discard changes", ButtonBar.ButtonData.OK_DONE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Unsaved changes", fileName + " has unsaved changes.", null);
        alert.getButtonTypes().setAll(discard, ButtonType.CANCEL);
        return alert.showAndWait().filter(discard::equals).isPresent();
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message, null).showAndWait();
    }

    private Alert alert(Alert.AlertType type, String title, String header, String details) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(header);
        if (details != null) {
            TextArea area = new TextArea(details);
            area.setEditable(false);
            area.getStyleClass().add("manifest-diff");
            area.setPrefRowCount(16);
            alert.getDialogPane().setContent(new VBox(8, new Label(title), area));
        }
        return alert;
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(p -> p.line() + ":" + p.column() + " " + p.severity().name().toLowerCase() + ": " + p.message())
                .collect(Collectors.joining("\n"));
    }
}
