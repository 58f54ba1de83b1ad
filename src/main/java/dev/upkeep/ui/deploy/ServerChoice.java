package dev.upkeep.ui.deploy;

import dev.upkeep.manifest.Drift;
import dev.upkeep.run.ServerRef;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A server in the Deploy dialog's checkable list, with the Docker and Weave versions it runs and its manifest
 * asks for (as known from the last refresh).
 */
public final class ServerChoice {
    private final ServerRef ref;
    private final BooleanProperty selected = new SimpleBooleanProperty(true);
    private final Drift.ServerDrift versions;

    public ServerChoice(ServerRef ref, Drift.ServerDrift versions) {
        this.ref = ref;
        this.versions = versions;
    }

    public ServerRef ref() {
        return ref;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean selected() {
        return selected.get();
    }

    /** "24.0.7 → 25.0.1", "25.0.1 (as wanted)", or why it is not known. */
    public String docker() {
        if (versions == null) {
            return "no manifest version";
        }
        return change(versions.runningDocker(), versions.wantedDocker());
    }

    public String weave() {
        if (versions == null) {
            return "no manifest version";
        }
        return change(versions.runningWeave(), versions.wantedWeave());
    }

    /** The Docker or Weave change on this server, or null when there is none. */
    String dockerChange() {
        return versions == null || versions.wantedDocker() == null || versions.wantedDocker().equals(versions.runningDocker())
                ? null : "Docker: " + change(versions.runningDocker(), versions.wantedDocker());
    }

    String weaveChange() {
        return versions == null || versions.wantedWeave() == null || versions.wantedWeave().equals(versions.runningWeave())
                ? null : "Weave: " + change(versions.runningWeave(), versions.wantedWeave());
    }

    static String change(String running, String wanted) {
        String now = running == null ? "none reported" : running;
        if (wanted == null) {
            return now + " (manifest names none)";
        }
        if (wanted.equals(running)) {
            return now + " (as wanted)";
        }
        return now + " → " + wanted;
    }

    @Override
    public String toString() {
        return ref.toString();
    }
}
