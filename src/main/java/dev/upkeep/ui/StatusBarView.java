package dev.upkeep.ui;

import atlantafx.base.theme.Styles;
import dev.upkeep.ui.deploy.Deployments;
import dev.upkeep.ui.edit.WorkspaceViewModel;
import dev.upkeep.ui.fleet.DriftViewModel;
import dev.upkeep.ui.fleet.FleetCounts;
import dev.upkeep.ui.fleet.FleetViewModel;
import dev.upkeep.ui.shared.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Counts over the whole fleet, refresh progress, and the last message. A plain HBox rather than ControlsFX's
 * StatusBar: that one's stylesheet casts theme strings to paints under AtlantaFX and logs errors on every start.
 */
final class StatusBarView {
    private final HBox box = new HBox(10);

    /** @param runs the window's deploy runs; null when it offers none */
    StatusBarView(FleetViewModel fleet, WorkspaceViewModel workspace, DriftViewModel drift, Deployments runs) {
        this(fleet, workspace, drift, runs, false);
    }

    /** @param demo this window shows the demo fleet: a "Demo" label says so first */
    StatusBarView(FleetViewModel fleet, WorkspaceViewModel workspace, DriftViewModel drift, Deployments runs, boolean demo) {
        FleetCounts c = fleet.counts();
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(Bindings.when(fleet.refresh().messageProperty().isEmpty())
                .then(workspace.messageProperty()).otherwise(fleet.refresh().messageProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(140);
        progress.progressProperty().bind(fleet.refresh().progressProperty());
        progress.visibleProperty().bind(fleet.refresh().runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Only workspaces with manifests can drift: the count appears when there is something to say.
        Label drifted = count("count-drift", drift.driftedCount(), "drifted from manifest", Icons.DRIFT, Styles.WARNING);
        drifted.visibleProperty().bind(drift.driftedCount().greaterThan(0));
        drifted.managedProperty().bind(drifted.visibleProperty());
        if (demo) {
            Label badge = new Label("Demo", Icons.icon(Icons.DEMO));
            badge.setId("demo-badge");
            badge.getStyleClass().addAll(Styles.ACCENT, Styles.TEXT_BOLD);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            badge.setTooltip(new javafx.scene.control.Tooltip(DemoActions.EXPLAIN));
            box.getChildren().add(badge);
        }
        box.getChildren().addAll(progress, message);
        if (runs != null) {
            box.getChildren().addAll(runProgress(runs));
        }
        box.getChildren().addAll(spacer, drifted,
                count("count-servers", c.serversProperty(), "servers", null, null),
                count("count-reachable", c.reachableProperty(), "reachable", Icons.REACHABLE, null),
                count("count-reboot", c.rebootRequiredProperty(), "need reboot", Icons.REBOOT, Styles.WARNING),
                count("count-security", c.securityPendingProperty(), "with security updates", Icons.SECURITY, Styles.DANGER),
                count("count-unreachable", c.unreachableProperty(), "unreachable", Icons.UNREACHABLE, Styles.DANGER));
        box.setId("status-bar");
        box.getStyleClass().add("app-status-bar");
        box.setAlignment(Pos.CENTER_LEFT);
    }

    /** While a deploy runs: its progress and what it is doing; after it: how it ended, until the next one. */
    private static javafx.scene.Node[] runProgress(Deployments runs) {
        ProgressBar bar = new ProgressBar();
        bar.setId("run-status-progress");
        bar.setPrefWidth(120);
        bar.progressProperty().bind(runs.progressProperty());
        bar.visibleProperty().bind(runs.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label text = new Label();
        text.setId("run-status");
        text.setGraphic(Icons.icon(Icons.DEPLOY));
        text.setMaxWidth(330);
        text.textProperty().bind(runs.messageProperty());
        text.visibleProperty().bind(runs.messageProperty().isNotEmpty());
        text.managedProperty().bind(text.visibleProperty());
        javafx.scene.control.Separator separator = new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL);
        separator.visibleProperty().bind(text.visibleProperty());
        separator.managedProperty().bind(separator.visibleProperty());
        return new javafx.scene.Node[]{separator, bar, text};
    }

    HBox node() {
        return box;
    }

    private Label count(String id, ObservableIntegerValue value, String noun, String icon, String loudClass) {
        Label l = new Label();
        l.setId(id);
        l.setMinWidth(Region.USE_PREF_SIZE); // counts never shrink to "27 reach…": the message gives way
        l.textProperty().bind(Bindings.concat(value, " ", noun));
        if (icon != null) {
            l.setGraphic(Icons.icon(icon));
        }
        if (loudClass != null) {
            // Loud only when non-zero, so a healthy fleet reads calm.
            value.addListener((o, was, now) -> toggle(l, loudClass, now.intValue() > 0));
            toggle(l, loudClass, value.get() > 0);
        }
        return l;
    }

    private static void toggle(Label l, String styleClass, boolean on) {
        if (on && !l.getStyleClass().contains(styleClass)) {
            l.getStyleClass().add(styleClass);
        }
        if (!on) {
            l.getStyleClass().remove(styleClass);
        }
    }

}
