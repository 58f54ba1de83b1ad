package dev.upkeep.ui;

import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestReadException;
import dev.upkeep.manifest.ManifestValidator;
import dev.upkeep.manifest.OpenedManifest;
import dev.upkeep.ui.manifest.FxManifestDialogs;
import dev.upkeep.ui.manifest.FxManifestTasks;
import dev.upkeep.ui.manifest.ManifestEditorView;
import dev.upkeep.ui.manifest.ManifestEditorViewModel;
import dev.upkeep.ui.shared.DialogService;
import dev.upkeep.ui.shared.Errors;
import dev.upkeep.ui.shared.Theme;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Manifest editors, each in its own window owned by the main one (so the fleet stays in view while editing).
 * One editor per file: opening a file again brings its editor to the front. The file is read off the FX thread
 * before a window opens, so an unreadable file gives one error and no empty editor.
 */
final class ManifestWindows {
    private final Stage owner;
    private final DialogService dialogs;
    private final ManifestFiles files;
    private final ManifestValidator validator;
    private final UiExecutor ui;
    private final Runnable onSaved;
    private final Map<Path, Editor> open = new LinkedHashMap<>();

    /** One open editor. */
    record Editor(Stage stage, ManifestEditorViewModel vm, ManifestEditorView view) {
    }

    ManifestWindows(Stage owner, DialogService dialogs, ManifestFiles files, ManifestValidator validator, UiExecutor ui,
                    Runnable onSaved) {
        this.owner = owner;
        this.dialogs = dialogs;
        this.files = files;
        this.validator = validator;
        this.ui = ui;
        this.onSaved = onSaved;
    }

    /** Opens {@code file} in an editor, or focuses the editor that has it; {@code label} names it in the title. */
    void open(Path file, String label) {
        Path key = file.toAbsolutePath().normalize();
        if (focus(key)) {
            return;
        }
        ui.submit("open manifest " + key, () -> files.open(key), opened -> {
            if (!focus(key)) {
                show(key, opened, label);
            }
        }, error -> dialogs.showError("Cannot open " + key.getFileName(),
                error instanceof ManifestReadException r ? r.problem().format(key.toString()) : Errors.describe(error)));
    }

    /** The editor showing {@code file}, if one is open (for tests). */
    Optional<Editor> editor(Path file) {
        return Optional.ofNullable(open.get(file.toAbsolutePath().normalize()));
    }

    /** Closes every editor, asking about unsaved edits; false (and the rest stay open) when the user keeps one. */
    boolean closeAll() {
        for (Editor e : new ArrayList<>(open.values())) {
            e.stage().toFront();
            if (!e.vm().canClose()) {
                return false;
            }
            e.stage().close();
        }
        return true;
    }

    private boolean focus(Path key) {
        Editor e = open.get(key);
        if (e == null) {
            return false;
        }
        if (e.stage().isIconified()) {
            e.stage().setIconified(false);
        }
        e.stage().toFront();
        e.stage().requestFocus();
        return true;
    }

    private void show(Path key, OpenedManifest opened, String label) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        ManifestEditorViewModel vm = new ManifestEditorViewModel(files, validator, new FxManifestDialogs(() -> stage),
                new FxManifestTasks(ui));
        ManifestEditorView view = new ManifestEditorView(vm);
        Theme.style(view);
        vm.openLoaded(opened);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(view, Math.min(1180, screen.getWidth()), Math.min(760, screen.getHeight())));
        String name = (label == null ? "" : label + " — ") + key.getFileName() + " — " + key;
        stage.titleProperty().bind(Bindings.when(vm.dirtyProperty()).then("• " + name + " (modified)").otherwise(name));
        stage.getIcons().setAll(owner.getIcons());
        view.guardClose(stage);
        vm.lastSavedProperty().addListener((o, was, now) -> onSaved.run());
        stage.setOnShown(e -> view.textArea().requestFocus()); // not the find field, the first focusable control
        stage.setOnHidden(e -> open.remove(key));
        open.put(key, new Editor(stage, vm, view));
        stage.show();
    }

    List<Path> openFiles() {
        return List.copyOf(open.keySet());
    }
}
