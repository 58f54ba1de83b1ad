package dev.upkeep.ui.manifest;

import atlantafx.base.theme.Styles;
import dev.upkeep.manifest.ManifestServer;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Optional;

/** The form beside the text: versions of the selected environment and its servers. Every action is a VM command. */
final class ManifestFormPane extends VBox {
    private final ManifestEditorViewModel vm;
    final TextField docker = new TextField();
    final TextField weave = new TextField();
    final ComboBox<String> environment = new ComboBox<>();
    final ListView<ManifestServer> servers = new ListView<>();
    private final TextField serverName = new TextField();
    private final TextField serverAddress = new TextField();

    ManifestFormPane(ManifestEditorViewModel vm) {
        super(10);
        this.vm = vm;
        getStyleClass().add("manifest-form");
        setMinWidth(260);
        getChildren().addAll(title("Environment"), environmentBox(), title("Versions"), versions(), title("Servers"),
                serverList(), serverFields(), serverButtons());
        VBox.setVgrow(servers, Priority.ALWAYS);
        setFillWidth(true);
        setPadding(new javafx.geometry.Insets(10));
    }

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("form-title", Styles.TEXT_BOLD);
        return label;
    }

    private ComboBox<String> environmentBox() {
        environment.setId("environment");
        environment.setItems(vm.environments());
        environment.setMaxWidth(Double.MAX_VALUE);
        environment.setPromptText("all environments");
        environment.valueProperty().bindBidirectional(vm.selectedEnvironmentProperty());
        environment.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.environments()));
        return environment;
    }

    private GridPane versions() {
        docker.setId("docker-version");
        weave.setId("weave-version");
        docker.setPromptText("24.0.7");
        weave.setPromptText("2.8.1");
        vm.dockerVersionProperty().addListener((o, was, now) -> docker.setText(now));
        vm.weaveVersionProperty().addListener((o, was, now) -> weave.setText(now));
        docker.setText(vm.dockerVersionProperty().get());
        weave.setText(vm.weaveVersionProperty().get());
        Button applyDocker = new Button("Apply");
        applyDocker.setId("apply-docker");
        applyDocker.setOnAction(e -> vm.applyDockerVersion(docker.getText()));
        docker.setOnAction(e -> vm.applyDockerVersion(docker.getText()));
        Button applyWeave = new Button("Apply");
        applyWeave.setId("apply-weave");
        applyWeave.setOnAction(e -> vm.applyWeaveVersion(weave.getText()));
        weave.setOnAction(e -> vm.applyWeaveVersion(weave.getText()));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("Docker"), docker, applyDocker);
        grid.addRow(1, new Label("Weave"), weave, applyWeave);
        GridPane.setHgrow(docker, Priority.ALWAYS);
        GridPane.setHgrow(weave, Priority.ALWAYS);
        return grid;
    }

    private ListView<ManifestServer> serverList() {
        servers.setId("servers");
        servers.setItems(vm.servers());
        servers.setPrefHeight(160);
        servers.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ManifestServer s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : describe(s));
            }
        });
        servers.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                serverName.setText(now.uniqueName() == null ? "" : now.uniqueName());
                serverAddress.setText(now.address() == null ? "" : now.address());
            }
        });
        return servers;
    }

    static String describe(ManifestServer s) {
        if (s.external()) {
            return s.componentType() + ": external";
        }
        String name = s.uniqueName() != null ? s.uniqueName() : "same as " + s.sameAs();
        return name + (s.address() != null ? "  " + s.address() : "") + "  (" + s.componentType() + ", line " + s.line() + ")";
    }

    private VBox serverFields() {
        serverName.setId("server-name");
        serverName.setPromptText("unique_name");
        serverAddress.setId("server-address");
        serverAddress.setPromptText("address (registered server)");
        return new VBox(6, serverName, serverAddress);
    }

    private HBox serverButtons() {
        Button add = new Button("Add");
        add.setId("server-add");
        add.setOnAction(e -> vm.addServer(serverName.getText(), serverAddress.getText()));
        Button rename = new Button("Rename");
        rename.setOnAction(e -> selectedName().ifPresent(old -> vm.renameServer(old, serverName.getText())));
        Button address = new Button("Set address");
        address.setOnAction(e -> selectedName().ifPresent(n -> vm.setServerAddress(n, serverAddress.getText())));
        Button remove = new Button("Remove");
        remove.getStyleClass().add(Styles.DANGER);
        remove.setOnAction(e -> selectedName().ifPresent(vm::removeServer));
        var noSelection = servers.getSelectionModel().selectedItemProperty().isNull();
        rename.disableProperty().bind(noSelection);
        address.disableProperty().bind(noSelection);
        remove.disableProperty().bind(noSelection);
        HBox box = new HBox(6, add, rename, address, remove);
        box.setFillHeight(true);
        return box;
    }

    private Optional<String> selectedName() {
        return Optional.ofNullable(servers.getSelectionModel().getSelectedItem()).map(ManifestServer::uniqueName);
    }
}
