package dev.upkeep.ui;

import dev.upkeep.ui.edit.WorkspaceViewModel;
import dev.upkeep.ui.fleet.FleetViewModel;
import dev.upkeep.ui.fleet.ServerRow;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;

/** The window's commands, wired once so that menu items and toolbar buttons share actions and enablement. */
final class Commands {
    final WorkspaceViewModel workspace;
    final FleetViewModel fleet;
    final Theme theme;
    final Runnable quit;
    final BooleanBinding cannotEdit;
    final BooleanBinding cannotRefresh;
    final BooleanBinding noSelection;

    Commands(WorkspaceViewModel workspace, FleetViewModel fleet, Theme theme, Runnable quit) {
        this.workspace = workspace;
        this.fleet = fleet;
        this.theme = theme;
        this.quit = quit;
        cannotEdit = workspace.loadedProperty().not().or(workspace.busyProperty());
        cannotRefresh = fleet.refresh().runningProperty().or(fleet.emptyProperty());
        noSelection = Bindings.isNull(fleet.selectedRowProperty());
    }

    void addApplication() {
        workspace.addApplication();
    }

    void addServer() {
        workspace.addServer(fleet.selectedApplicationName());
    }

    void editServer() {
        ServerRow row = fleet.selectedRowProperty().get();
        if (row != null) workspace.editServer(row.ref());
    }

    void removeServer() {
        ServerRow row = fleet.selectedRowProperty().get();
        if (row != null) workspace.removeServer(row.ref());
    }
}
