package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.run.ManifestWants;
import dev.upkeep.run.ServerRef;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Objects;

/** A row of the fleet table. Only the fleet view model changes it, on the FX thread. */
public final class ServerRow {
    private final ReadOnlyObjectWrapper<RowState> state;

    ServerRow(ServerRef ref, Server server) {
        state = new ReadOnlyObjectWrapper<>(new RowState(ref, server, null, Phase.IDLE));
    }

    // properties

    public ReadOnlyObjectProperty<RowState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RowState state() {
        return state.get();
    }

    public ServerRef ref() {
        return state.get().ref();
    }

    // changes (package-private: the view model's)

    void status(ServerStatus status) {
        state.set(state.get().withStatus(status));
    }

    void phase(Phase phase) {
        if (state.get().phase() != phase) {
            state.set(state.get().withPhase(phase));
        }
    }

    void server(Server server) {
        if (!state.get().server().equals(server)) {
            state.set(state.get().withServer(server));
        }
    }

    void wants(ManifestWants wants) {
        if (!Objects.equals(state.get().wants(), wants)) {
            state.set(state.get().withWants(wants));
        }
    }

    @Override
    public String toString() {
        return ref().toString();
    }
}
