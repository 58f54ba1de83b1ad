package dev.upkeep.ui;

import dev.upkeep.export.AnsibleExport;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ui.deploy.DeployDialog;
import dev.upkeep.ui.deploy.DeployViewModel;
import dev.upkeep.ui.deploy.Deployments;
import dev.upkeep.ui.deploy.RunView;
import dev.upkeep.ui.deploy.RunViewModel;
import dev.upkeep.ui.history.HistoryView;
import dev.upkeep.ui.history.HistoryViewModel;
import dev.upkeep.ui.shared.DialogService;
import dev.upkeep.ui.shared.UiExecutor;
import dev.upkeep.ui.shared.logs.LogPaneViewModel;
import javafx.stage.Window;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * Opens the deploy windows: the Deploy with options dialog, each run's window, the run history. Also the
 * window's {@link UpgradeLauncher}: "Upgrade Docker to manifest version…" is the same dialog with Docker ticked.
 */
public final class DeployWindows implements UpgradeLauncher {
    public static final String UPGRADE_AND_REBOOT = "Upgrade and reboot if required";
    private final Deployments deployments;
    private final UiExecutor ui;
    private final DialogService dialogs;
    private final Supplier<Window> owner;
    private RunView lastRun;
    private HistoryView history;

    public DeployWindows(Deployments deployments, UiExecutor ui, DialogService dialogs, Supplier<Window> owner) {
        this.deployments = deployments;
        this.ui = ui;
        this.dialogs = dialogs;
        this.owner = owner;
    }

    public Deployments deployments() {
        return deployments;
    }

    /** Deploy with options for these servers (the selection, or every server of an application). */
    public DeployDialog open(List<ServerRef> servers) {
        if (servers.isEmpty()) {
            dialogs.showInfo("Deploy with options", "Select servers (or an application) first.");
            return null;
        }
        DeployDialog dialog = new DeployDialog(deployments.dialog(servers), owner.get(), this::start)
                .exportWith(AnsibleExport::write, ui);
        dialog.show();
        return dialog;
    }

    /**
     * "Upgrade and reboot if required" for these servers: the same dialog preset to security upgrades, reboot where
     * required, rolling one at a time, and checked at once, so the user first sees the plan to confirm.
     */
    public DeployDialog upgradeAndReboot(List<ServerRef> servers) {
        if (servers.isEmpty()) {
            dialogs.showInfo(UPGRADE_AND_REBOOT, "Select servers (or an application) first.");
            return null;
        }
        DeployViewModel vm = deployments.dialog(servers);
        vm.presetUpgradeAndReboot();
        DeployDialog dialog = new DeployDialog(vm, owner.get(), this::start, UPGRADE_AND_REBOOT)
                .exportWith(AnsibleExport::write, ui);
        dialog.showAndCheck();
        return dialog;
    }

    @Override
    public void requestDockerUpgrade(List<DockerUpgrade> servers) {
        DeployViewModel vm = deployments.dialog(servers.stream().map(DockerUpgrade::server).toList());
        vm.securityProperty().set(false);
        vm.dockerProperty().set(true);
        new DeployDialog(vm, owner.get(), this::start).exportWith(AnsibleExport::write, ui).show();
    }

    public void showHistory() {
        if (history == null) {
            history = new HistoryView(new HistoryViewModel(deployments.services().history(), ui, LogPaneViewModel.DEFAULT_CAP), ui, owner.get());
        }
        history.show();
        history.stage().toFront();
    }

    /** The window of the most recent run (tests and screenshots look at it). */
    public RunView lastRun() {
        return lastRun;
    }

    /**
     * Detail pane › Restart services…: names the services and asks first; yes restarts them as a run with its window
     * (recorded in the history), and the fleet checks the server again when it ends. Never sshd: the core refuses it.
     */
    public void restartServices(ServerRef server, List<String> services) {
        if (services.isEmpty()) {
            return;
        }
        if (!dialogs.confirm(RESTART_SERVICES, "Restart on " + server.server() + ":\n\n    " + String.join("\n    ", services)
                + "\n\nThey still use replaced (deleted) libraries. Upkeep looks again after the restart.")) {
            return;
        }
        RunViewModel run;
        try {
            run = deployments.restartServices(server, new LinkedHashSet<>(services));
        } catch (IllegalArgumentException e) {
            dialogs.showInfo(RESTART_SERVICES, e.getMessage());
            return;
        }
        lastRun = new RunView(run, ui, owner.get());
        lastRun.show();
    }

    public static final String RESTART_SERVICES = "Restart services";

    /** Opens the run window of a confirmed plan and starts it. */
    public void start(DeployViewModel.Confirmed confirmed) {
        RunViewModel run = deployments.start(confirmed);
        lastRun = new RunView(run, ui, owner.get());
        lastRun.show();
    }
}
