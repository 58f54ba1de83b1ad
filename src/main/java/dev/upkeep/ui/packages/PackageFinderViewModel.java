package dev.upkeep.ui.packages;

import dev.upkeep.debian.DebianVersion;
import dev.upkeep.debian.PackageFinding;
import dev.upkeep.debian.PackagePattern;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.AnswerListener;
import dev.upkeep.run.PackageExposure;
import dev.upkeep.run.ServerAnswer;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusService;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * Find package: names (or globs) and an optional fixed version in, one row per server and package out, the exposed
 * servers picked out. The same core query as {@code upkeep packages}; nothing here knows a screen.
 */
public final class PackageFinderViewModel {
    private final StatusService status;
    private final Supplier<Workspace> workspace;
    private final UiExecutor ui;
    private final StringProperty names = new SimpleStringProperty("");
    private final StringProperty below = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Name a package (openssl, libssl*), and the fixed version if you have one.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final BooleanProperty noneExposed = new SimpleBooleanProperty(true);
    private final ObservableList<PackageExposure> rows = FXCollections.observableArrayList();
    private boolean asked;

    public PackageFinderViewModel(StatusService status, Supplier<Workspace> workspace, UiExecutor ui) {
        this.status = status;
        this.workspace = workspace;
        this.ui = ui;
    }

    public StringProperty namesProperty() {
        return names;
    }

    public StringProperty belowProperty() {
        return below;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True while no row is exposed: "Select exposed servers" and "Deploy" have nothing to act on. */
    public BooleanProperty noneExposedProperty() {
        return noneExposed;
    }

    public ObservableList<PackageExposure> rows() {
        return rows;
    }

    /** A fixed version was given for the rows shown (the Exposed column means something). */
    public boolean asked() {
        return asked;
    }

    /** Asks every server of the workspace; bad input is said in the message and asks nothing. */
    public void find() {
        if (running.get()) {
            return;
        }
        List<PackagePattern> patterns = new ArrayList<>();
        DebianVersion fixed = null;
        try {
            for (String n : names.get().split("[\\s,]+")) {
                if (!n.isBlank()) {
                    patterns.add(PackagePattern.of(n));
                }
            }
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException("name at least one package");
            }
            String b = below.get().strip();
            if (!b.isEmpty()) {
                if (!DebianVersion.isValid(b)) {
                    throw new IllegalArgumentException("fixed version: '" + b + "' is not a Debian version");
                }
                fixed = DebianVersion.parse(b);
            }
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        Workspace ws = workspace.get();
        List<ServerRef> refs = ServerRef.all(ws);
        DebianVersion fixedVersion = fixed;
        running.set(true);
        message.set("Asking " + refs.size() + " server(s)…");
        ui.submit("find packages", () -> status.packages(ws, refs, patterns, AnswerListener.<List<PackageFinding>>none())
                .completion().get(), answers -> show(refs, answers, fixedVersion), e -> {
                    running.set(false);
                    message.set("The query failed: " + e.getMessage());
                });
    }

    private void show(List<ServerRef> refs, List<ServerAnswer<List<PackageFinding>>> answers, DebianVersion fixed) {
        running.set(false);
        asked = fixed != null;
        rows.setAll(PackageExposure.of(refs, answers, fixed));
        long failed = answers.stream().filter(a -> !a.answered()).count();
        int exposed = exposedServers().size();
        noneExposed.set(exposed == 0);
        message.set(answers.size() + " server(s) asked" + (fixed == null ? "" : ", " + exposed + " exposed (below " + fixed + ")")
                + (failed == 0 ? "" : ", " + failed + " did not answer"));
    }

    /** The servers with a package below the fixed version, in the table's order. */
    public List<ServerRef> exposedServers() {
        LinkedHashSet<ServerRef> out = new LinkedHashSet<>();
        rows.stream().filter(r -> Boolean.TRUE.equals(r.exposed())).forEach(r -> out.add(r.server()));
        return List.copyOf(out);
    }
}
