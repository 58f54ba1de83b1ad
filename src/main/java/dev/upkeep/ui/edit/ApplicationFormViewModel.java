package dev.upkeep.ui.edit;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.ui.shared.DialogModel;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The "Add application" form: name and environment (and optionally the manifest path), checked before saving. */
public final class ApplicationFormViewModel implements DialogModel {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty environment = new SimpleStringProperty("production");
    private final StringProperty manifest = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Workspace workspace;

    public ApplicationFormViewModel(Workspace workspace) {
        this.workspace = workspace;
    }

    // properties

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty environmentProperty() {
        return environment;
    }

    public StringProperty manifestProperty() {
        return manifest;
    }

    /** Every problem of the last validation, one per line; empty when valid. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // commands

    @Override
    public String title() {
        return "Add application";
    }

    @Override
    public String confirmText() {
        return "Add";
    }

    @Override
    public boolean validate() {
        List<String> problems = new ArrayList<>();
        String n = Validation.trimmed(name.get());
        if (n.isEmpty()) {
            problems.add("Name is required.");
        } else if (!Validation.NAME.matcher(n).matches()) {
            problems.add("Name may only use letters, digits, '.', '_' and '-'.");
        }
        String env = Validation.orNull(environment.get());
        if (workspace.applications().stream().anyMatch(a -> a.name().equals(n) && Objects.equals(a.environment(), env))) {
            problems.add("An application '" + n + "' already exists" + (env == null ? "." : " in " + env + "."));
        }
        error.set(String.join("\n", problems));
        return problems.isEmpty();
    }

    public Application toApplication() {
        return new Application(Validation.trimmed(name.get()), Validation.orNull(environment.get()),
                Validation.orNull(manifest.get()), null, List.of());
    }
}
