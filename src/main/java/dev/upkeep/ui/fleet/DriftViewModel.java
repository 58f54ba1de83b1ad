package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ManifestWants;
import dev.upkeep.run.ManifestWantsReader;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.value.ObservableValue;

import java.util.Map;

/**
 * Keeps every row told what its application's Manifest.yml wants it to run. The manifests are read off the FX
 * thread whenever the workspace loads or changes (and after a manifest is saved); a result for an older workspace
 * is dropped. A broken manifest never stops the window: its rows get a note instead of versions.
 */
public final class DriftViewModel {
    private final FleetViewModel fleet;
    private final ObservableValue<Workspace> workspace;
    private final ManifestWantsReader reader;
    private final UiExecutor ui;
    private final IntegerBinding drifted;
    private long generation;

    public DriftViewModel(FleetViewModel fleet, ObservableValue<Workspace> workspace, ManifestWantsReader reader, UiExecutor ui) {
        this.fleet = fleet;
        this.workspace = workspace;
        this.reader = reader;
        this.ui = ui;
        this.drifted = Bindings.createIntegerBinding(
                () -> (int) fleet.rows().stream().filter(r -> r.state().drift() != null && r.state().drift().drifted()).count(),
                fleet.rows());
        workspace.addListener((o, was, now) -> reload());
        reload();
    }

    // properties

    /** Servers whose Docker or Weave version differs from their manifest's. */
    public IntegerBinding driftedCount() {
        return drifted;
    }

    // commands

    /** Reads the manifests again (a manifest was saved, or the workspace changed). */
    public void reload() {
        Workspace ws = workspace.getValue();
        long mine = ++generation;
        if (ws == null) {
            apply(Map.of());
            return;
        }
        ui.submit("read manifests", () -> reader.read(ws), wants -> {
            if (mine == generation) {
                apply(wants);
            }
        }, error -> {
            // The reader reports bad manifests as notes; anything else is a bug worth a log line, not a dialog.
            if (mine == generation) {
                apply(Map.of());
            }
        });
    }

    private void apply(Map<String, ManifestWants> wants) {
        for (ServerRow row : fleet.rows()) {
            row.wants(wants.get(row.ref().application()));
        }
    }
}
