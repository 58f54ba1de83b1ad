package dev.upkeep.ui.deploy;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.upkeep.run.RunOptions;
import dev.upkeep.ui.shared.Icons;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Map;
import java.util.function.Function;

/** The options page of the Deploy dialog: security, Docker/Weave, reboot, servers, strategy. */
final class DeployOptionsPane {
    private final VBox root = new VBox(10);
    private final DeployViewModel vm;

    DeployOptionsPane(DeployViewModel vm) {
        this.vm = vm;
        root.setPadding(new Insets(6, 12, 12, 12));
        root.getChildren().addAll(security(), docker(), reboot(), servers(), strategy());
    }

    VBox node() {
        return root;
    }

    private TitledPane security() {
        return optIn("Security upgrades", Icons.SECURITY, DeployDialog.check("opt-security", "Apply security upgrades"),
                vm.securityProperty(), "Installs the pending security updates with unattended-upgrades (packages from other"
                + " suites are left alone), keeps existing configuration files, and turns on daily automatic security"
                + " upgrades. The pre-flight lists what each server would upgrade.");
    }

    private TitledPane docker() {
        CheckBox docker = DeployDialog.check("opt-docker", "Apply Docker upgrades (docker-ce to the manifest's docker_version)");
        docker.selectedProperty().bindBidirectional(vm.dockerProperty());
        CheckBox weave = DeployDialog.check("opt-weave", "Upgrade Weave Net to the manifest's weave_version");
        weave.selectedProperty().bindBidirectional(vm.weaveProperty());
        Message warning = new Message("In-place Docker upgrades mean downtime", DeployViewModel.DOCKER_WARNING,
                Icons.icon(Icons.ATTENTION));
        warning.getStyleClass().add(Styles.WARNING);
        warning.visibleProperty().bind(vm.dockerProperty());
        warning.managedProperty().bind(warning.visibleProperty());
        Label weaveNote = muted(DeployViewModel.WEAVE_NOTE + vm.weaveUrl());
        weaveNote.setGraphic(Icons.icon("mdi2i-information-outline"));
        weaveNote.visibleProperty().bind(vm.weaveProperty());
        weaveNote.managedProperty().bind(weaveNote.visibleProperty());
        Label versions = muted("Per server, the versions running now → the manifest's are in the server list below.");
        return section("Docker and Weave upgrades", Icons.UPGRADE, new VBox(6, docker, warning, weave, weaveNote, versions));
    }

    private TitledPane reboot() {
        return optIn("Reboot", Icons.REBOOT, DeployDialog.check("opt-reboot", "Yes, reboot my servers if required"),
                vm.rebootProperty(), "After its upgrades, a server that asks for a reboot (/var/run/reboot-required) is"
                + " rebooted, waited for until it is back with a new boot id, and its application's health check must pass."
                + " Servers that need no reboot are left running.");
    }

    /** A section that is one opt-in check box, bound to {@code choice}, and what choosing it does. */
    private static TitledPane optIn(String title, String icon, CheckBox on, BooleanProperty choice, String what) {
        on.selectedProperty().bindBidirectional(choice);
        return section(title, icon, new VBox(6, on, muted(what)));
    }

    private TitledPane servers() {
        TableView<ServerChoice> table = new TableView<>(vm.servers());
        table.setId("deploy-servers");
        table.setEditable(true);
        table.getStyleClass().add(Styles.DENSE);
        TableColumn<ServerChoice, Boolean> pick = new TableColumn<>();
        pick.setCellValueFactory(c -> c.getValue().selectedProperty());
        pick.setCellFactory(CheckBoxTableCell.forTableColumn(pick));
        pick.setEditable(true);
        pick.setPrefWidth(36);
        pick.setSortable(false);
        table.getColumns().add(pick);
        table.getColumns().add(column("Server", 200, c -> c.ref().toString()));
        table.getColumns().add(column("Docker (now → manifest)", 230, ServerChoice::docker));
        table.getColumns().add(column("Weave (now → manifest)", 230, ServerChoice::weave));
        table.setPrefHeight(Math.min(300, 40 + 28 * Math.max(3, vm.servers().size())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button all = new Button("Select all");
        all.setOnAction(e -> vm.servers().forEach(s -> s.selectedProperty().set(true)));
        Button none = new Button("Select none");
        none.setOnAction(e -> vm.servers().forEach(s -> s.selectedProperty().set(false)));
        HBox buttons = new HBox(6, all, none);
        return section("Servers", Icons.SERVERS, new VBox(6, table, buttons));
    }

    private TitledPane strategy() {
        ToggleGroup group = new ToggleGroup();
        RadioButton parallel = radio("opt-parallel", "Parallel, at most", group);
        RadioButton serial = radio("opt-serial", "One server after the other", group);
        RadioButton rolling = radio("opt-rolling", "Rolling, in batches of", group);
        Map<RunOptions.Strategy, RadioButton> radios = Map.of(RunOptions.Strategy.PARALLEL, parallel,
                RunOptions.Strategy.SERIAL, serial, RunOptions.Strategy.ROLLING, rolling);
        radios.get(vm.strategyProperty().get()).setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> radios.forEach((s, r) -> {
            if (r == now) {
                vm.strategyProperty().set(s);
            }
        }));
        vm.strategyProperty().addListener((o, was, now) -> radios.get(now).setSelected(true));
        Spinner<Integer> concurrency = spinner("opt-concurrency", 1, 200, vm.concurrencyProperty());
        concurrency.disableProperty().bind(parallel.selectedProperty().not());
        Spinner<Integer> batch = spinner("opt-batch", 1, 1000, vm.batchSizeProperty());
        batch.disableProperty().bind(rolling.selectedProperty().not());
        Spinner<Integer> failures = spinner("opt-max-failures", 0, 1000, vm.maxFailuresProperty());
        HBox p = row(parallel, concurrency, new Label("servers at once"));
        HBox r = row(rolling, batch, new Label("server(s), batch after batch"));
        HBox f = row(new Label("Stop starting servers after"), failures,
                new Label("failure(s) (0: rolling stops at the first, the others never stop early)"));
        Label keep = muted("Keep one up (always on): never every server of an application down at once.");
        keep.setId("opt-keep-one-up");
        keep.setGraphic(Icons.icon("mdi2s-shield-check-outline"));
        return section("Strategy", "mdi2s-sort-variant", new VBox(8, p, serial, r, f, keep));
    }

    private static RadioButton radio(String id, String text, ToggleGroup group) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        return b;
    }

    /** An editable spinner kept in step with the model's property both ways (a preset may change it later). */
    private static Spinner<Integer> spinner(String id, int min, int max, javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>(min, max, Math.max(min, Math.min(max, value.get())));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(90);
        s.valueProperty().addListener((o, was, now) -> value.set(now));
        value.addListener((o, was, now) -> s.getValueFactory().setValue(now.intValue()));
        return s;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static TableColumn<ServerChoice, String> column(String title, double width, Function<ServerChoice, String> value) {
        TableColumn<ServerChoice, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    private static TitledPane section(String title, String icon, javafx.scene.Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setGraphic(Icons.icon(icon));
        pane.setCollapsible(false);
        return pane;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

}
