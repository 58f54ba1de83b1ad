package dev.upkeep.ui;

import dev.upkeep.run.ServerRef;
import dev.upkeep.ui.deploy.DeployViewModel;
import dev.upkeep.ui.fleet.ServerRow;
import javafx.scene.control.TableView;

import java.util.List;

/**
 * The demo window's deploys: {@code --deploy} opens Deploy with options for the first shop servers (Docker ticked);
 * {@code --preflight} then shows its pre-flight; {@code --one-click} is "Upgrade and reboot if required" on them (its
 * confirmation; {@code --back} then goes to its options page, scrolled down to the strategy); {@code --run} runs a security upgrade on them with stand-in procedures, and {@code --history} then opens the
 * run history.
 */
final class DemoDeploy {
    private static boolean started;

    private DemoDeploy() {
    }

    /** Once: the refresh at the end of the run must not start another. */
    static void start(AppContext c, TableView<ServerRow> table, List<String> options) {
        if (started) {
            return;
        }
        started = true;
        table.getSelectionModel().clearSelection();
        for (int i = 0; i < 4; i++) {
            table.getSelectionModel().select(i);
        }
        List<ServerRef> refs = table.getSelectionModel().getSelectedItems().stream().map(ServerRow::ref).toList();
        if (options.contains("--one-click")) {
            var dialog = c.deploys.upgradeAndReboot(refs);
            dialog.stage().setX(120);
            dialog.stage().setY(40);
            if (options.contains("--back")) {
                dialog.viewModel().reportProperty().addListener((o, was, report) -> {
                    if (report != null) {
                        javafx.application.Platform.runLater(() -> {
                        ((javafx.scene.control.Button) dialog.stage().getScene().lookup("#deploy-back")).fire();
                        var root = (javafx.scene.layout.BorderPane) dialog.stage().getScene().getRoot();
                        ((javafx.scene.control.ScrollPane) root.getCenter()).setVvalue(1); // down to the strategy
                    });
                    }
                });
            }
            return;
        }
        if (options.contains("--deploy")) {
            var dialog = c.deploys.open(refs);
            dialog.stage().setX(120);
            dialog.stage().setY(60);
            dialog.viewModel().dockerProperty().set(true);
            dialog.viewModel().weaveProperty().set(true);
            if (options.contains("--preflight")) {
                dialog.viewModel().check();
            }
            return;
        }
        DeployViewModel vm = c.deploys.deployments().dialog(refs);
        vm.reportProperty().addListener((o, was, report) -> {
            if (report == null) {
                return;
            }
            c.deploys.start(vm.confirm());
            c.deploys.lastRun().stage().setX(60);
            c.deploys.lastRun().stage().setY(40);
            if (options.contains("--history")) {
                c.deploys.lastRun().stage().close();
                c.deploys.deployments().runningProperty().addListener((o2, wasRunning, running) -> {
                    if (!running) {
                        c.deploys.showHistory();
                    }
                });
            }
        });
        vm.check();
    }
}
