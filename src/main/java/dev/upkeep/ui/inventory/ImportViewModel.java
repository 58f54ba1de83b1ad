package dev.upkeep.ui.inventory;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.inventory.AnsibleImport;
import dev.upkeep.inventory.AnsibleInventory;
import dev.upkeep.inventory.ImportPlanner;
import dev.upkeep.inventory.ImportPreview;
import dev.upkeep.inventory.ImportSource;
import dev.upkeep.inventory.ImportWriter;
import dev.upkeep.inventory.InventoryException;
import dev.upkeep.inventory.SshConfigImport;
import dev.upkeep.ui.shared.Errors;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Servers › Import…: reads the chosen file off the FX thread, shows what the import would add, change and skip,
 * and writes only when asked (the core saves atomically). Editing any input drops the preview, so what is written
 * is always what was shown.
 */
public final class ImportViewModel {
    /** Where the servers come from. */
    public enum Kind { SSH_CONFIG, ANSIBLE }

    private final WorkspaceStore store;
    private final UiExecutor ui;
    private final Supplier<Workspace> workspace;
    private final Consumer<Workspace> saved;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.ANSIBLE);
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty application = new SimpleStringProperty("ssh-config");
    private final StringProperty match = new SimpleStringProperty("");
    private final StringProperty mapping = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ImportPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ImportRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding cannotImport;

    /**
     * @param workspace the workspace as the window has it now
     * @param saved     told (on the FX thread) of the workspace as written
     */
    public ImportViewModel(WorkspaceStore store, UiExecutor ui, Supplier<Workspace> workspace, Consumer<Workspace> saved) {
        this.store = store;
        this.ui = ui;
        this.workspace = workspace;
        this.saved = saved;
        cannotImport = Bindings.createBooleanBinding(() -> busy.get() || preview.get() == null || preview.get().changesNothing(),
                busy, preview);
        for (var p : new javafx.beans.Observable[]{kind, file, application, match, mapping}) {
            p.addListener(o -> forget());
        }
    }

    public ObjectProperty<Kind> kindProperty() { return kind; }

    public StringProperty fileProperty() { return file; }

    /** ssh-config: the application the aliases go into. */
    public StringProperty applicationProperty() { return application; }

    /** ssh-config: only aliases matching this pattern; empty for all. */
    public StringProperty matchProperty() { return match; }

    /** Ansible: "group=app, group=app"; empty: each group its own application. */
    public StringProperty mappingProperty() { return mapping; }

    public ReadOnlyObjectProperty<ImportPreview> previewProperty() { return preview.getReadOnlyProperty(); }

    public ObservableList<ImportRow> rows() { return rows; }

    /** Why the file cannot be imported (file:line), or why the save failed; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public BooleanBinding cannotImportProperty() { return cannotImport; }

    /** Reads the file and compares it with the workspace; nothing is written. */
    public void preview() {
        forget();
        Path path;
        Map<String, String> groups;
        try {
            String f = file.get() == null ? "" : file.get().strip();
            if (f.isEmpty()) {
                throw new IllegalArgumentException("Choose the file to import.");
            }
            path = Path.of(f.startsWith("~/") ? System.getProperty("user.home") + f.substring(1) : f);
            groups = parseMapping(mapping.get());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        Kind k = kind.get();
        String app = application.get() == null ? "" : application.get().strip();
        String pattern = match.get() == null || match.get().isBlank() ? null : match.get().strip();
        Workspace ws = workspace.get();
        busy.set(true);
        ui.submit("import preview " + path, () -> {
            ImportSource source = k == Kind.SSH_CONFIG ? SshConfigImport.of(path, app, pattern)
                    : AnsibleImport.of(AnsibleInventory.read(path), groups);
            return ImportPlanner.preview(ws, source);
        }, p -> {
            busy.set(false);
            preview.set(p);
            rows.setAll(ImportRow.of(p));
            summary.set(p.added().size() + " to add, " + p.changed().size() + " to change, " + p.skipped().size() + " skipped"
                    + (p.changesNothing() ? ": nothing to import" : ""));
        }, error -> {
            busy.set(false);
            problem.set(error instanceof InventoryException ? error.getMessage() + "\nNothing was imported." : Errors.describe(error));
        });
    }

    /** Writes the previewed servers into the workspace file (atomically); the preview is what gets written. */
    public void importNow() {
        ImportPreview p = preview.get();
        if (cannotImport.get()) {
            return;
        }
        Workspace ws = workspace.get();
        busy.set(true);
        ui.submit("import into " + ws.file(), () -> ImportWriter.save(store, ws, p), next -> {
            busy.set(false);
            summary.set("Imported: " + p.added().size() + " added, " + p.changed().size() + " changed. Saved " + next.file());
            preview.set(null);
            saved.accept(next);
        }, error -> {
            busy.set(false);
            problem.set("Nothing was written to " + ws.file() + ".\n" + Errors.describe(error));
        });
    }

    private void forget() {
        if (busy.get()) {
            return;
        }
        preview.set(null);
        rows.clear();
        problem.set("");
        summary.set("");
    }

    /** "web=shop, db=shop-db" (commas, semicolons or new lines between) → ordered map. */
    static Map<String, String> parseMapping(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[,;\\n]")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("Groups → applications: '" + p + "' is not group=application.");
            }
            String group = p.substring(0, eq).strip();
            if (out.put(group, p.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("Groups → applications: group '" + group + "' is given twice.");
            }
        }
        return out;
    }
}
