package dev.upkeep.ui.edit;

import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ui.shared.DialogService;
import dev.upkeep.ui.shared.Errors;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;

/**
 * The workspace file: load, open, reload, save, and the edits made from the window. Every edit is saved at
 * once (atomically, by the core). A file that failed to load is never written: editing stays off until it loads.
 */
public final class WorkspaceViewModel {
    private final WorkspaceStore store;
    private final UiExecutor ui;
    private final DialogService dialogs;
    private final ReadOnlyObjectWrapper<Workspace> workspace;
    private final ReadOnlyObjectWrapper<Path> file;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public WorkspaceViewModel(WorkspaceStore store, UiExecutor ui, DialogService dialogs, Path initialFile) {
        this.store = store;
        this.ui = ui;
        this.dialogs = dialogs;
        this.workspace = new ReadOnlyObjectWrapper<>(Workspace.empty(initialFile));
        this.file = new ReadOnlyObjectWrapper<>(initialFile);
    }

    // properties

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() { return workspace.getReadOnlyProperty(); }

    public Workspace workspace() { return workspace.get(); }

    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }

    /** True once the file was read (a missing file reads as an empty workspace): only then may it be written. */
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Why the file could not be used (file and line), or empty. */
    public ReadOnlyStringProperty loadErrorProperty() { return loadError.getReadOnlyProperty(); }

    /** The last thing that happened to the file, for the status bar. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    // commands

    public void load(Path path) {
        busy.set(true);
        ui.submit("load workspace " + path, () -> store.load(path), ws -> {
            busy.set(false);
            workspace.set(ws);
            file.set(path);
            loaded.set(true);
            loadError.set("");
            message.set("Loaded " + path);
        }, error -> {
            busy.set(false);
            if (!path.equals(file.get()) && loaded.get()) {
                // Opening another file failed: keep working on the current one.
                dialogs.showError("Could not open the workspace", error);
                return;
            }
            file.set(path);
            workspace.set(Workspace.empty(path));
            loaded.set(false);
            loadError.set(Errors.describe(error));
            message.set("Workspace not loaded");
        });
    }

    public void reload() {
        load(file.get());
    }

    public void open() {
        dialogs.chooseWorkspace(file.get()).ifPresent(this::load);
    }

    public void save() {
        if (loaded.get()) {
            commit(workspace.get(), () -> { });
        }
    }

    public void addApplication() {
        if (!loaded.get()) {
            return;
        }
        ApplicationFormViewModel form = new ApplicationFormViewModel(workspace.get());
        editApplicationUntilSaved(form);
    }

    public void addServer(String preferredApplication) {
        if (!loaded.get()) {
            return;
        }
        if (workspace.get().applications().isEmpty()) {
            dialogs.showError("No application yet", "Servers belong to an application. Add an application first.");
            return;
        }
        editServerUntilSaved(ServerFormViewModel.forNew(workspace.get(), preferredApplication));
    }

    public void editServer(ServerRef ref) {
        if (!loaded.get() || ref == null) {
            return;
        }
        Server server = find(ref);
        if (server != null) {
            editServerUntilSaved(ServerFormViewModel.forEdit(workspace.get(), ref.application(), server));
        }
    }

    public void removeServer(ServerRef ref) {
        if (!loaded.get() || ref == null || find(ref) == null) {
            return;
        }
        if (!dialogs.confirm("Remove server", "Remove " + ref.server() + " from " + ref.application()
                + "? Only the workspace entry is removed; nothing happens on the server.")) {
            return;
        }
        commit(WorkspaceEdits.removeServer(workspace.get(), ref.application(), ref.server()), () -> { });
    }

    // internals

    private void editApplicationUntilSaved(ApplicationFormViewModel form) {
        if (!dialogs.show(form)) {
            return;
        }
        commit(WorkspaceEdits.addApplication(workspace.get(), form.toApplication()), () -> editApplicationUntilSaved(form));
    }

    /** A failed save reopens the same form with everything the user typed and the reason. */
    private void editServerUntilSaved(ServerFormViewModel form) {
        if (!dialogs.show(form)) {
            return;
        }
        Workspace ws = workspace.get();
        Server server = form.toServer();
        Workspace next;
        if (!form.isEdit()) {
            next = WorkspaceEdits.addServer(ws, form.targetApplication(), server);
        } else if (form.targetApplication().equals(form.originalApplication())) {
            next = WorkspaceEdits.replaceServer(ws, form.targetApplication(), form.originalName(), server);
        } else {
            next = WorkspaceEdits.addServer(WorkspaceEdits.removeServer(ws, form.originalApplication(), form.originalName()),
                    form.targetApplication(), server);
        }
        commit(next, () -> editServerUntilSaved(form));
    }

    private void commit(Workspace next, Runnable onFailure) {
        busy.set(true);
        ui.submit("save workspace", () -> {
            // The core's reader has the last word on what the file may hold: refuse before writing, not after.
            store.parse(store.format(next), next.file());
            store.save(next);
            return next;
        }, saved -> {
            busy.set(false);
            workspace.set(saved);
            message.set("Saved " + saved.file());
        }, error -> {
            busy.set(false);
            message.set("Not saved");
            dialogs.showError("Could not save the workspace", "Nothing was written to " + next.file() + ".\n\n"
                    + Errors.describe(error));
            onFailure.run();
        });
    }

    private Server find(ServerRef ref) {
        return workspace.get().application(ref.application()).flatMap(a -> a.servers().stream()
                .filter(s -> s.name().equals(ref.server())).findFirst()).orElse(null);
    }
}
