package dev.upkeep.ui.edit;

import atlantafx.base.theme.Styles;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The content of the server and application forms, bound to their view models (the dialog frame is elsewhere). */
public final class FormDialogs {
    private FormDialogs() {
    }

    public static Node serverForm(ServerFormViewModel vm) {
        GridPane grid = grid();
        ComboBox<String> app = new ComboBox<>(vm.applications());
        app.setId("form-application");
        app.valueProperty().bindBidirectional(vm.applicationProperty());
        int r = 0;
        grid.addRow(r++, new Label("Application"), app);
        grid.addRow(r++, new Label("Name"), field("form-name", vm.nameProperty(), "web1 (the manifest's unique_name)"));
        grid.addRow(r++, new Label("Host"), field("form-host", vm.hostProperty(), "10.0.0.5, web1.example.com or an ssh alias"));
        grid.addRow(r++, new Label("Port"), field("form-port", vm.portProperty(), "22 (empty: ~/.ssh/config or 22)"));
        grid.addRow(r++, new Label("User"), field("form-user", vm.userProperty(), "empty: ~/.ssh/config or your login"));
        grid.addRow(r++, new Label("Identity file"), field("form-identity", vm.identityFileProperty(), "~/.ssh/id_ed25519 (optional)"));
        CheckBox sudo = new CheckBox("Run privileged commands with sudo (the login user is not root)");
        sudo.setId("form-sudo");
        sudo.selectedProperty().bindBidirectional(vm.sudoProperty());
        grid.addRow(r++, new Label("sudo"), sudo);
        grid.addRow(r, new Label("Groups"), field("form-groups", vm.groupsProperty(), "web, db"));
        return padded(new VBox(12, grid, errorLabel(vm.errorProperty())));
    }

    public static Node applicationForm(ApplicationFormViewModel vm) {
        GridPane grid = grid();
        grid.addRow(0, new Label("Name"), field("form-app-name", vm.nameProperty(), "shop"));
        grid.addRow(1, new Label("Environment"), field("form-app-env", vm.environmentProperty(), "production"));
        grid.addRow(2, new Label("Manifest"), field("form-app-manifest", vm.manifestProperty(), "shop/Manifest.yml (optional)"));
        return padded(new VBox(12, grid, errorLabel(vm.errorProperty())));
    }

    private static VBox padded(VBox box) {
        box.setPadding(new javafx.geometry.Insets(8, 12, 0, 12));
        return box;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        return grid;
    }

    private static TextField field(String id, StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(28);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static Label errorLabel(javafx.beans.value.ObservableStringValue error) {
        Label l = new Label();
        l.setId("form-error");
        l.getStyleClass().add(Styles.DANGER);
        l.setWrapText(true);
        l.setMaxWidth(520);
        l.textProperty().bind(error);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
