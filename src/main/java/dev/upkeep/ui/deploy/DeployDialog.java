package dev.upkeep.ui.deploy;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.upkeep.ui.shared.Icons;
import dev.upkeep.ui.shared.Theme;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.function.Consumer;

/**
 * "Deploy with options": the options page (what, where, how), then the pre-flight page to confirm. Modal to the
 * main window; the run itself opens in its own window so the table stays usable.
 */
public final class DeployDialog {
    private final DeployViewModel vm;
    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final Node options;
    private final VBox preflight = new VBox(8);
    private final Button export = new Button("Export as Ansible playbook…", Icons.icon("mdi2e-export"));

    public DeployDialog(DeployViewModel vm, Window owner, Consumer<DeployViewModel.Confirmed> run) {
        this(vm, owner, run, "Deploy with options");
    }

    /** @param titleText the window's title and heading ("Upgrade and reboot if required" for the one-click command) */
    public DeployDialog(DeployViewModel vm, Window owner, Consumer<DeployViewModel.Confirmed> run, String titleText) {
        this.vm = vm;
        options = new ScrollPane(new DeployOptionsPane(vm).node());
        ((ScrollPane) options).setFitToWidth(true);
        preflight.setId("preflight");
        preflight.setPadding(new Insets(12));

        Label title = new Label(titleText);
        title.getStyleClass().add(Styles.TITLE_3);
        Label sub = new Label();
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        sub.textProperty().bind(Bindings.createStringBinding(() -> vm.chosen().size() + " of " + vm.servers().size()
                + " server(s) selected", vm.servers()));
        VBox top = new VBox(2, title, sub);
        top.setPadding(new Insets(12, 12, 6, 12));

        root.setTop(top);
        root.setCenter(options);
        root.setBottom(buttons(run));
        root.setId("deploy-dialog");
        root.getStyleClass().add("deploy-dialog");
        Theme.style(root);
        vm.reportProperty().addListener((o, was, now) -> showReport(now));

        stage.setTitle(titleText);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setScene(new Scene(root, 880, 820));
        stage.setOnHidden(e -> vm.dispose());
    }

    public void show() {
        stage.show();
    }

    /**
     * Shows the dialog and checks at once, so the first page the user sees is the confirmation (the plan and the
     * pre-flight); should the check fail, the options page shows with the problem.
     */
    public void showAndCheck() {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(48, 48);
        Label text = new Label("Planning and checking the servers…");
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox waiting = new VBox(12, busy, text);
        waiting.setId("deploy-checking");
        waiting.setAlignment(Pos.CENTER);
        root.setCenter(waiting);
        vm.problemProperty().addListener((o, was, now) -> {
            if (!now.isEmpty() && root.getCenter() == waiting) {
                root.setCenter(options);
            }
        });
        stage.show();
        vm.check();
        if (!vm.checkingProperty().get() && vm.reportProperty().get() == null) {
            root.setCenter(options); // nothing to check
        }
    }

    /** Shows "Export as Ansible playbook…", writing the current choice through the shell's exporter. */
    public DeployDialog exportWith(AnsibleExporter exporter, UiExecutor ui) {
        export.setOnAction(e -> new ExportPlaybookDialog(vm, exporter, ui, stage).show());
        export.setVisible(true);
        return this;
    }

    public DeployViewModel viewModel() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }

    private Node buttons(Consumer<DeployViewModel.Confirmed> run) {
        Label problem = new Label();
        problem.setId("deploy-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.problemProperty());
        problem.setGraphic(Icons.icon(Icons.ATTENTION));
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.checkingProperty());
        Label busyText = new Label("Checking the servers (apt simulation)…");
        busyText.visibleProperty().bind(vm.checkingProperty());

        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Button back = new Button("Back", Icons.icon("mdi2a-arrow-left"));
        back.setId("deploy-back");
        back.visibleProperty().bind(vm.reportProperty().isNotNull());
        back.managedProperty().bind(back.visibleProperty());
        back.setOnAction(e -> root.setCenter(options));
        Button check = new Button("Run now…", Icons.icon("mdi2p-play"));
        check.setId("deploy-check");
        check.setDefaultButton(true);
        check.getStyleClass().add(Styles.ACCENT);
        check.disableProperty().bind(vm.cannotCheckProperty());
        check.visibleProperty().bind(vm.reportProperty().isNull());
        check.managedProperty().bind(check.visibleProperty());
        check.setOnAction(e -> vm.check());
        Button confirm = new Button("Run now", Icons.icon("mdi2p-play"));
        confirm.setId("deploy-run");
        confirm.getStyleClass().add(Styles.SUCCESS);
        confirm.visibleProperty().bind(vm.reportProperty().isNotNull());
        confirm.managedProperty().bind(confirm.visibleProperty());
        confirm.setOnAction(e -> {
            DeployViewModel.Confirmed c = vm.confirm();
            if (c == null) {
                return;
            }
            stage.close();
            run.accept(c);
        });
        export.setId("deploy-export");
        export.setVisible(false); // until the shell gives an exporter
        export.managedProperty().bind(export.visibleProperty());
        export.setMnemonicParsing(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // In a narrow dialog the busy text gives way; the buttons keep their words.
        for (Button b : new Button[] {export, cancel, back, check, confirm}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        busyText.setMinWidth(0);
        HBox bar = new HBox(8, busy, busyText, spacer, export, cancel, back, check, confirm);
        bar.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(6, problem, bar);
        box.setPadding(new Insets(8, 12, 12, 12));
        return box;
    }

    private void showReport(PreflightReport report) {
        if (report == null) {
            root.setCenter(options);
            return;
        }
        preflight.getChildren().clear();
        Label head = new Label("Pre-flight: " + report.headline());
        head.getStyleClass().add(Styles.TITLE_4);
        head.setWrapText(true);
        preflight.getChildren().add(head);
        if (report.plan().options().docker()) {
            Message warning = new Message("Downtime", DeployViewModel.DOCKER_WARNING, Icons.icon(Icons.ATTENTION));
            warning.getStyleClass().add(Styles.WARNING);
            preflight.getChildren().add(warning);
        }
        if (report.rollout() != null) {
            preflight.getChildren().add(rollout(report.rollout()));
        }
        for (PreflightReport.ServerLines s : report.servers()) {
            Label name = new Label(s.server(), Icons.icon(s.problem() ? Icons.ATTENTION : Icons.SERVER));
            name.getStyleClass().add(Styles.TEXT_BOLD);
            if (s.problem()) {
                name.getStyleClass().add(Styles.WARNING);
            }
            VBox lines = new VBox(1);
            lines.setPadding(new Insets(0, 0, 0, 24));
            s.lines().forEach(l -> {
                Label line = new Label(l);
                line.getStyleClass().add("preflight-line");
                lines.getChildren().add(line);
            });
            preflight.getChildren().addAll(name, lines);
        }
        Label hint = new Label("Nothing has changed yet. Press Run now to apply, or Back to change the options.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        preflight.getChildren().add(hint);
        ScrollPane scroll = new ScrollPane(preflight);
        scroll.setFitToWidth(true);
        root.setCenter(scroll);
    }

    /** The rollout plan (batches, who needs a reboot, health checks) as the command line prints it. */
    private static Node rollout(String text) {
        Label head = new Label("Rollout", Icons.icon(Icons.REBOOT));
        head.getStyleClass().add(Styles.TEXT_BOLD);
        // the first line ("reboot only where required on …:") is the headline above: keep only what follows
        String lines = text.stripTrailing();
        int first = lines.indexOf('\n');
        Label body = new Label(first < 0 ? lines : lines.substring(first + 1).stripIndent());
        body.setId("preflight-rollout");
        body.setWrapText(true);
        body.getStyleClass().add("preflight-rollout");
        body.setPadding(new Insets(0, 0, 0, 24));
        Label asOf = new Label(PreflightReport.AS_OF);
        asOf.setWrapText(true);
        asOf.getStyleClass().add(Styles.TEXT_MUTED);
        asOf.setPadding(new Insets(0, 0, 0, 24));
        VBox box = new VBox(4, head, body, asOf);
        box.setPadding(new Insets(0, 0, 8, 0));
        return box;
    }

    static CheckBox check(String id, String text) {
        CheckBox b = new CheckBox(text);
        b.setMnemonicParsing(false); // "docker_version" keeps its underscore
        b.setId(id);
        return b;
    }
}
