package dev.upkeep.ui.manifest;

import dev.upkeep.manifest.ChangedOnDiskException;
import dev.upkeep.manifest.LineDiff;
import dev.upkeep.manifest.ManifestDocument;
import dev.upkeep.manifest.ManifestFiles;
import dev.upkeep.manifest.ManifestReadException;
import dev.upkeep.manifest.ManifestServer;
import dev.upkeep.manifest.ManifestValidator;
import dev.upkeep.manifest.OpenedManifest;
import dev.upkeep.manifest.Problem;
import dev.upkeep.manifest.Versions;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * State and commands of the manifest editor: the text, the form (versions per environment, servers), the
 * problems, and saving. No controls here; everything that touches a file or validates runs through
 * {@link ManifestTasks}, every question goes through {@link ManifestDialogs}.
 * <p>
 * Form edits patch the text synchronously (a manifest is a few kilobytes: parsing it is well under a
 * millisecond), so the text and the form never disagree after a command. Validation is debounced off the FX thread.
 */
public final class ManifestEditorViewModel {
    static final Duration VALIDATION_DELAY = Duration.ofMillis(300);

    // --- properties ---------------------------------------------------------------------------------------
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<String> environments = FXCollections.observableArrayList();
    private final StringProperty selectedEnvironment = new SimpleStringProperty();
    private final ReadOnlyStringWrapper dockerVersion = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper weaveVersion = new ReadOnlyStringWrapper("");
    private final ObservableList<ManifestServer> servers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Problem> jumpTarget = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<OpenedManifest> lastSaved = new ReadOnlyObjectWrapper<>();

    // --- services and state ---------------------------------------------------------------------------------
    private final ManifestFiles files;
    private final ManifestValidator validator;
    private final ManifestDialogs dialogs;
    private final ManifestTasks tasks;
    private OpenedManifest opened;
    private ManifestDocument document = ManifestDocument.parse("", "Manifest.yml");

    public ManifestEditorViewModel(ManifestFiles files, ManifestValidator validator, ManifestDialogs dialogs,
                                   ManifestTasks tasks) {
        this.files = files;
        this.validator = validator;
        this.dialogs = dialogs;
        this.tasks = tasks;
        selectedEnvironment.addListener((obs, was, now) -> refreshForm());
    }

    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }
    public ObservableList<Problem> problems() { return FXCollections.unmodifiableObservableList(problems); }
    public ObservableList<String> environments() { return FXCollections.unmodifiableObservableList(environments); }
    /** The environment the form shows; null for a manifest without environments. */
    public StringProperty selectedEnvironmentProperty() { return selectedEnvironment; }
    public ReadOnlyStringProperty dockerVersionProperty() { return dockerVersion.getReadOnlyProperty(); }
    public ReadOnlyStringProperty weaveVersionProperty() { return weaveVersion.getReadOnlyProperty(); }
    public ObservableList<ManifestServer> servers() { return FXCollections.unmodifiableObservableList(servers); }
    /** One line for the status bar: what just happened, or why a form edit was refused. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The problem the view should move the caret to (set by {@link #jumpTo}). */
    public ReadOnlyObjectProperty<Problem> jumpTargetProperty() { return jumpTarget.getReadOnlyProperty(); }
    /** The file as last written by {@link #save()} (null until the first save): others re-read it when it changes. */
    public ReadOnlyObjectProperty<OpenedManifest> lastSavedProperty() { return lastSaved.getReadOnlyProperty(); }

    // --- commands: file ---------------------------------------------------------------------------------------

    /** Opens a file (after asking about unsaved changes). */
    public void open(Path path) {
        if (!confirmLeavingChanges()) {
            return;
        }
        tasks.submit(() -> files.open(path), this::load, e -> {
            String why = e instanceof ManifestReadException r ? r.problem().format(path.toString()) : String.valueOf(e.getMessage());
            dialogs.showError("Cannot open " + path.getFileName(), why);
        });
    }

    /** Shows a file the caller already read off the FX thread (the window reads it before it opens an editor). */
    public void openLoaded(OpenedManifest result) {
        load(result);
    }

    /** True when the editor may be closed: nothing unsaved, or the user agreed to discard it. */
    public boolean canClose() {
        return confirmLeavingChanges();
    }

    /** Validates, shows the diff, asks, then saves atomically. Errors block; warnings need "save anyway". */
    public void save() {
        if (opened == null || saving.get()) {
            return;
        }
        String mine = text.get();
        if (mine.equals(opened.text())) {
            message.set("No changes to save");
            return;
        }
        OpenedManifest base = opened;
        String name = base.path().getFileName().toString();
        tasks.submit(() -> new SaveCheck(validator.validate(mine, name), LineDiff.unified(base.text(), mine, "a/" + name, "b/" + name)),
                check -> {
                    List<Problem> errors = check.problems().stream().filter(Problem::isError).toList();
                    if (!errors.isEmpty()) {
                        dialogs.showSaveBlocked(errors);
                        message.set("Not saved: " + errors.size() + " error(s)");
                        return;
                    }
                    if (dialogs.confirmSave(check.diff(), check.problems())) {
                        write(mine, false);
                    }
                }, this::failed);
    }

    private record SaveCheck(List<Problem> problems, String diff) {
    }

    private void write(String mine, boolean overwrite) {
        saving.set(true);
        OpenedManifest base = opened;
        tasks.submit(() -> overwrite ? files.write(base.path(), mine) : files.save(base, mine), saved -> {
            saving.set(false);
            opened = saved;
            lastSaved.set(saved);
            dirty.set(!text.get().equals(saved.text()));
            message.set("Saved " + saved.path().getFileName() + " (previous version in " + ManifestFiles.backupOf(saved.path()).getFileName() + ")");
        }, e -> {
            saving.set(false);
            if (e instanceof ChangedOnDiskException c) {
                switch (dialogs.changedOnDisk(c.opened().text(), c.onDisk(), mine)) {
                    case OVERWRITE -> write(mine, true);
                    case RELOAD_FROM_DISK -> tasks.submit(() -> files.open(base.path()), this::load, this::failed);
                    case CANCEL -> message.set("Not saved: the file changed on disk");
                }
            } else {
                failed(e);
            }
        });
    }

    private void failed(Throwable e) {
        message.set("Failed: " + e.getMessage());
        dialogs.showError("Manifest", String.valueOf(e.getMessage())); // the edits stay in the editor
    }

    private void load(OpenedManifest result) {
        opened = result;
        replaceText(ManifestDocument.parse(result.text(), result.path().getFileName().toString()));
        file.set(result.path()); // after the text: the view starts a fresh undo history on this
        message.set("Opened " + result.path());
    }

    private boolean confirmLeavingChanges() {
        return !dirty.get() || dialogs.confirmDiscard(file.get() == null ? "the manifest" : file.get().getFileName().toString());
    }

    // --- commands: text -------------------------------------------------------------------------------------

    /** The user typed: remember the text, validate it (debounced, off the FX thread) and refresh the form. */
    public void textEdited(String newText) {
        if (newText.equals(text.get())) {
            return;
        }
        text.set(newText);
        dirty.set(opened == null || !newText.equals(opened.text()));
        scheduleAnalysis();
    }

    public void jumpTo(Problem problem) {
        jumpTarget.set(null); // so that clicking the same problem again moves the caret again
        jumpTarget.set(problem);
    }

    private void scheduleAnalysis() {
        tasks.debounce(VALIDATION_DELAY, () -> {
            String snapshot = text.get();
            String name = file.get() == null ? "Manifest.yml" : file.get().getFileName().toString();
            tasks.submit(() -> {
                ManifestDocument doc = ManifestDocument.parse(snapshot, name);
                return new Analysis(doc, validator.validate(doc));
            }, analysis -> {
                if (analysis.doc().text().equals(text.get())) { // an older result must not overwrite a newer text
                    document = analysis.doc();
                    problems.setAll(analysis.problems());
                    refreshForm();
                }
            }, this::failed);
        });
    }

    private record Analysis(ManifestDocument doc, List<Problem> problems) {
    }

    // --- commands: form -------------------------------------------------------------------------------------

    public boolean applyDockerVersion(String value) {
        String v = value.strip();
        if (!Versions.isDockerVersion(v)) {
            message.set("'" + v + "' is not a Docker version (like 24.0.7 or 18.03.0-ce)");
            return false;
        }
        return edit(doc -> doc.set(doc.dockerVersionPath(selectedEnvironment.get()), v));
    }

    public boolean applyWeaveVersion(String value) {
        String v = value.strip();
        if (!Versions.isWeaveVersion(v)) {
            message.set("'" + v + "' is not a Weave version (like 2.8.1)");
            return false;
        }
        return edit(doc -> doc.set(doc.weaveVersionPath(selectedEnvironment.get()), v));
    }

    public boolean addServer(String uniqueName, String address) {
        return edit(doc -> doc.addServer(selectedEnvironment.get(), "docker", uniqueName.strip(), address));
    }

    public boolean renameServer(String oldName, String newName) {
        return edit(doc -> doc.renameServer(selectedEnvironment.get(), oldName, newName.strip()));
    }

    public boolean setServerAddress(String name, String address) {
        return edit(doc -> doc.setServerAddress(selectedEnvironment.get(), name, address.strip()));
    }

    public boolean removeServer(String name) {
        return edit(doc -> doc.removeServer(selectedEnvironment.get(), name));
    }

    private boolean edit(UnaryOperator<ManifestDocument> change) {
        ManifestDocument current = currentDocument();
        if (!current.isParsed()) {
            message.set("Fix the YAML errors in the text first");
            return false;
        }
        try {
            replaceText(change.apply(current));
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    /** The document of the current text (parsed now if the debounced analysis has not caught up yet). */
    private ManifestDocument currentDocument() {
        if (!document.text().equals(text.get())) {
            document = ManifestDocument.parse(text.get(), file.get() == null ? "Manifest.yml" : file.get().getFileName().toString());
        }
        return document;
    }

    private void replaceText(ManifestDocument doc) {
        document = doc;
        text.set(doc.text());
        dirty.set(opened == null || !doc.text().equals(opened.text()));
        refreshForm();
        scheduleAnalysis();
    }

    private void refreshForm() {
        if (!document.isParsed()) {
            return; // keep showing the last good form while the text is being typed
        }
        List<String> envs = document.environments();
        if (!envs.equals(environments)) {
            environments.setAll(envs);
        }
        if (envs.isEmpty() && selectedEnvironment.get() != null) {
            selectedEnvironment.set(null); // re-enters refreshForm
            return;
        }
        if (!envs.isEmpty() && !envs.contains(selectedEnvironment.get())) {
            selectedEnvironment.set(envs.get(0));
            return;
        }
        String env = selectedEnvironment.get();
        dockerVersion.set(document.dockerVersion(env).orElse(""));
        weaveVersion.set(document.weaveVersion(env).orElse(""));
        List<ManifestServer> now = document.servers(env);
        if (!now.equals(servers)) {
            servers.setAll(now);
        }
    }
}
