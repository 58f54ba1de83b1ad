package dev.upkeep.ui.edit;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.ui.shared.DialogModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The "Add server" / "Edit server" form. Fields are text as typed; {@link #validate()} never clears them, so a
 * mistake costs one correction, not the whole form.
 */
public final class ServerFormViewModel implements DialogModel {
    private final StringProperty application = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty identityFile = new SimpleStringProperty("");
    private final BooleanProperty sudo = new SimpleBooleanProperty();
    private final StringProperty groups = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<String> applications = FXCollections.observableArrayList();
    private final Workspace workspace;
    /** The server being edited (its application and name), or null for a new one. */
    private final String originalApplication;
    private final String originalName;

    private ServerFormViewModel(Workspace workspace, String originalApplication, String originalName) {
        this.workspace = workspace;
        this.originalApplication = originalApplication;
        this.originalName = originalName;
        workspace.applications().forEach(a -> applications.add(a.name()));
    }

    public static ServerFormViewModel forNew(Workspace workspace, String preferredApplication) {
        ServerFormViewModel form = new ServerFormViewModel(workspace, null, null);
        String app = preferredApplication != null ? preferredApplication
                : form.applications.isEmpty() ? "" : form.applications.get(0);
        form.application.set(app);
        return form;
    }

    public static ServerFormViewModel forEdit(Workspace workspace, String application, Server server) {
        ServerFormViewModel form = new ServerFormViewModel(workspace, application, server.name());
        form.application.set(application);
        form.name.set(server.name());
        form.host.set(server.host());
        form.port.set(server.port() == null ? "" : server.port().toString());
        form.user.set(server.user() == null ? "" : server.user());
        form.identityFile.set(server.identityFile() == null ? "" : server.identityFile());
        form.sudo.set(server.sudo());
        form.groups.set(String.join(", ", server.groups()));
        return form;
    }

    // properties

    public StringProperty applicationProperty() { return application; }

    public StringProperty nameProperty() { return name; }

    public StringProperty hostProperty() { return host; }

    public StringProperty portProperty() { return port; }

    public StringProperty userProperty() { return user; }

    public StringProperty identityFileProperty() { return identityFile; }

    public BooleanProperty sudoProperty() { return sudo; }

    /** Comma- or space-separated group names. */
    public StringProperty groupsProperty() { return groups; }

    public ObservableList<String> applications() { return applications; }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public boolean isEdit() { return originalName != null; }

    @Override
    public String title() {
        return isEdit() ? "Edit server" : "Add server";
    }

    @Override
    public String confirmText() {
        return "Save";
    }

    public String originalName() { return originalName; }

    public String originalApplication() { return originalApplication; }

    // commands

    /** Checks every field, states every problem at once, and leaves the input exactly as typed. */
    @Override
    public boolean validate() {
        List<String> problems = new ArrayList<>();
        String app = Validation.trimmed(application.get());
        Application target = workspace.applications().stream().filter(a -> a.name().equals(app)).findFirst().orElse(null);
        if (target == null) {
            problems.add("Choose an application.");
        }
        String n = Validation.trimmed(name.get());
        if (n.isEmpty()) {
            problems.add("Name is required.");
        } else if (!Validation.NAME.matcher(n).matches()) {
            problems.add("Name may only use letters, digits, '.', '_' and '-'.");
        } else if (target != null && isTaken(target, n)) {
            problems.add("Application '" + app + "' already has a server '" + n + "'.");
        }
        String h = Validation.trimmed(host.get());
        if (h.isEmpty()) {
            problems.add("Host is required (address, DNS name or ~/.ssh/config alias).");
        } else if (!Validation.HOST.matcher(h).matches()) {
            problems.add("'" + h + "' is not a host name, address or ssh alias.");
        }
        String p = Validation.trimmed(port.get());
        if (!p.isEmpty() && !validPort(p)) {
            problems.add("Port must be a number from 1 to 65535 (or empty for the default).");
        }
        String u = Validation.trimmed(user.get());
        if (!u.isEmpty() && !Validation.USER.matcher(u).matches()) {
            problems.add("'" + u + "' is not a valid user name.");
        }
        for (String g : groupList()) {
            if (!Validation.NAME.matcher(g).matches()) {
                problems.add("Group '" + g + "' may only use letters, digits, '.', '_' and '-'.");
            }
        }
        error.set(String.join("\n", problems));
        return problems.isEmpty();
    }

    /** Only after {@link #validate()} returned true. */
    public Server toServer() {
        String p = Validation.trimmed(port.get());
        return new Server(Validation.trimmed(name.get()), Validation.trimmed(host.get()),
                p.isEmpty() ? null : Integer.valueOf(p), Validation.orNull(user.get()),
                Validation.orNull(identityFile.get()), sudo.get(), groupList());
    }

    public String targetApplication() {
        return Validation.trimmed(application.get());
    }

    /** Shown when saving failed after validation passed (the core refused, or the disk did). */
    public void saveFailed(String message) {
        error.set(message);
    }

    private boolean isTaken(Application target, String n) {
        boolean sameAsOriginal = target.name().equals(originalApplication) && n.equals(originalName);
        return !sameAsOriginal && target.servers().stream().anyMatch(s -> s.name().equals(n));
    }

    private List<String> groupList() {
        return Arrays.stream(Validation.trimmed(groups.get()).split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean validPort(String p) {
        if (!p.matches("\\d{1,5}")) {
            return false;
        }
        int v = Integer.parseInt(p);
        return v >= 1 && v <= 65535;
    }
}
