package dev.upkeep.ui;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ui.edit.WorkspaceViewModel;
import dev.upkeep.ui.fleet.DriftViewModel;
import dev.upkeep.ui.fleet.FleetViewModel;
import dev.upkeep.ui.fleet.PatchHistoryTab;
import dev.upkeep.ui.fleet.ServerRow;
import dev.upkeep.ui.shared.DialogService;
import dev.upkeep.ui.shared.Theme;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The window's commands, wired once so that menu items and toolbar buttons share actions and enablement. */
final class Commands {
    final WorkspaceViewModel workspace;
    final FleetViewModel fleet;
    final DriftViewModel drift;
    final Theme theme;
    final Runnable quit;
    final DialogService dialogs;
    final ManifestWindows manifests;
    final UpgradeLauncher upgrades;
    /** Null: deploys are not available in this window. */
    final DeployWindows deploys;
    /** Opens Find package (which servers have a package, below which version). */
    final Runnable findPackages;
    /** Reads a server's patch history for the detail pane's History tab; null: no History tab. */
    PatchHistoryTab.Loader patchHistory;
    /** Where the History tab's read runs; set with {@link #patchHistory}. */
    UiExecutor ui;
    final BooleanBinding cannotDeploy;
    final BooleanBinding cannotEdit;
    final BooleanBinding cannotRefresh;
    final BooleanBinding noSelection;
    /** The application in focus (selected in the list, else the selected row's) has no {@code manifest:}. */
    final BooleanBinding noManifest;
    /** No selected server runs another Docker version than its manifest asks for. */
    final BooleanBinding noDockerDrift;
    /** File › Export report…: the last refresh's statuses written like {@code upkeep report}; null: not offered. */
    Runnable exportReport;
    /** Servers › Import…; null: not offered. */
    final Runnable importServers;

    Commands(WorkspaceViewModel workspace, FleetViewModel fleet, DriftViewModel drift, Theme theme, Runnable quit, DialogService dialogs,
             ManifestWindows manifests, UpgradeLauncher upgrades, DeployWindows deploys) {
        this(workspace, fleet, drift, theme, quit, dialogs, manifests, upgrades, deploys, () -> { }, null);
    }

    Commands(WorkspaceViewModel workspace, FleetViewModel fleet, DriftViewModel drift, Theme theme, Runnable quit, DialogService dialogs,
             ManifestWindows manifests, UpgradeLauncher upgrades, DeployWindows deploys, Runnable findPackages,
             Runnable importServers) {
        this.findPackages = findPackages;
        this.importServers = importServers;
        this.workspace = workspace;
        this.fleet = fleet;
        this.drift = drift;
        this.theme = theme;
        this.quit = quit;
        this.dialogs = dialogs;
        this.manifests = manifests;
        this.upgrades = upgrades;
        this.deploys = deploys;
        cannotEdit = workspace.loadedProperty().not().or(workspace.busyProperty());
        cannotRefresh = fleet.refresh().runningProperty().or(fleet.emptyProperty());
        noSelection = Bindings.isNull(fleet.selectedRowProperty());
        noManifest = Bindings.createBooleanBinding(() -> manifestOf(focusedApplication()).isEmpty(),
                fleet.selectedApplicationProperty(), fleet.selectedRowProperty(), workspace.workspaceProperty());
        // rows() fires when any row's state changes (drift arrives with the manifest or a refresh)
        cannotDeploy = Bindings.createBooleanBinding(() -> deploys == null || deployTargets().isEmpty(),
                fleet.selectedRows(), fleet.selectedApplicationProperty(), fleet.rows());
        noDockerDrift = Bindings.createBooleanBinding(() -> dockerDrifted().isEmpty(), fleet.selectedRows(), fleet.rows());
    }

    /** Find: the toolbar's search field takes the focus (it registers itself; nothing to do before it exists). */
    private Runnable find = () -> { };

    void onFind(Runnable focusSearch) {
        find = focusSearch;
    }

    void find() {
        find.run();
    }

    void addApplication() {
        workspace.addApplication();
    }

    void importServers() {
        if (importServers != null) {
            importServers.run();
        }
    }

    void exportReport() {
        if (exportReport != null) {
            exportReport.run();
        }
    }

    void addServer() {
        workspace.addServer(fleet.selectedApplicationName());
    }

    void editServer() {
        ServerRow row = fleet.selectedRowProperty().get();
        if (row != null) {
            workspace.editServer(row.ref());
        }
    }

    void removeServer() {
        ServerRow row = fleet.selectedRowProperty().get();
        if (row != null) {
            workspace.removeServer(row.ref());
        }
    }

    /** File > Open manifest…: any Manifest.yml, starting beside the workspace file. */
    void openManifest() {
        Path ws = workspace.workspace().file();
        Path folder = ws == null ? null : ws.toAbsolutePath().getParent();
        dialogs.chooseManifest(folder).ifPresent(p -> manifests.open(p, null));
    }

    /** Edit Manifest.yml of the application in focus. */
    void editManifest() {
        String app = focusedApplication();
        manifestOf(app).ifPresent(p -> manifests.open(p, app));
    }

    void upgradeDocker() {
        List<UpgradeLauncher.DockerUpgrade> drifted = dockerDrifted();
        if (!drifted.isEmpty()) {
            upgrades.requestDockerUpgrade(drifted);
        }
    }

    /** Deploy with options for the selected servers, or else every server of the selected application. */
    void deploy() {
        if (deploys != null) {
            deploys.open(deployTargets());
        }
    }

    /** Deploy with options for every server of the application in focus. */
    void deployApplication() {
        String app = focusedApplication();
        if (deploys == null || app == null) {
            return;
        }
        deploys.open(applicationServers(app));
    }

    private List<ServerRef> applicationServers(String app) {
        return fleet.rows().stream().map(ServerRow::ref).filter(r -> r.application().equals(app)).toList();
    }

    /** Upgrade and reboot if required: the selected servers, or else every server of the selected application. */
    void upgradeAndReboot() {
        if (deploys != null) {
            deploys.upgradeAndReboot(deployTargets());
        }
    }

    /** Upgrade and reboot if required, for every server of the application in focus. */
    void upgradeAndRebootApplication() {
        String app = focusedApplication();
        if (deploys == null || app == null) {
            return;
        }
        deploys.upgradeAndReboot(applicationServers(app));
    }

    void showRunHistory() {
        if (deploys != null) {
            deploys.showHistory();
        }
    }

    private List<ServerRef> deployTargets() {
        List<ServerRef> selected = fleet.selectedRows().stream().map(ServerRow::ref).toList();
        if (!selected.isEmpty()) {
            return selected;
        }
        String app = fleet.selectedApplicationName();
        return app == null ? List.of() : fleet.rows().stream().map(ServerRow::ref).filter(r -> r.application().equals(app)).toList();
    }

    private String focusedApplication() {
        String app = fleet.selectedApplicationName();
        ServerRow row = fleet.selectedRowProperty().get();
        return app != null || row == null ? app : row.ref().application();
    }

    private Optional<Path> manifestOf(String application) {
        Workspace ws = workspace.workspace();
        if (application == null || ws == null) {
            return Optional.empty();
        }
        return ws.application(application).filter(a -> a.manifest() != null && !a.manifest().isBlank())
                .map(a -> ws.resolve(a.manifest()));
    }

    private List<UpgradeLauncher.DockerUpgrade> dockerDrifted() {
        return fleet.selectedRows().stream().map(ServerRow::state).filter(s -> s.dockerDrifted())
                .map(s -> new UpgradeLauncher.DockerUpgrade(s.ref(), s.drift().runningDocker(), s.drift().wantedDocker()))
                .toList();
    }
}
