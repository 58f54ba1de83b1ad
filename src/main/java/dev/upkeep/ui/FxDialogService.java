package dev.upkeep.ui;

import dev.upkeep.ui.edit.ApplicationFormViewModel;
import dev.upkeep.ui.edit.ServerFormViewModel;
import dev.upkeep.ui.trust.TrustView;
import dev.upkeep.ui.trust.TrustViewModel;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** JavaFX dialogs, always owned by the main window and styled like it. */
final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        prepare(alert, title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(560);
        alert.getDialogPane().setContent(text);
        alert.showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        prepare(alert, title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public boolean confirmTyped(String title, String message, String word) {
        Dialog<ButtonType> dialog = new Dialog<>();
        prepare(dialog, title);
        dialog.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setPrefWidth(820);
        text.setMaxWidth(820);
        text.getStyleClass().add("fingerprint");
        javafx.scene.control.TextField typed = new javafx.scene.control.TextField();
        typed.setId("confirm-typed");
        typed.setPromptText("type " + word + " to go ahead");
        dialog.getDialogPane().setContent(new javafx.scene.layout.VBox(10, text, new Label("Type '" + word + "' to go ahead:"), typed));
        ButtonType go = new ButtonType("Trust the new key", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(go).disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !typed.getText().strip().equalsIgnoreCase(word),
                        typed.textProperty()));
        dialog.setOnShown(e -> typed.requestFocus());
        return dialog.showAndWait().filter(b -> b == go).isPresent() && typed.getText().strip().equalsIgnoreCase(word);
    }

    @Override
    public Optional<char[]> askSecret(String title, String question) {
        Dialog<ButtonType> dialog = new Dialog<>();
        prepare(dialog, title);
        dialog.setHeaderText(question);
        javafx.scene.control.PasswordField field = new javafx.scene.control.PasswordField();
        field.setId("secret-field");
        field.setPrefColumnCount(28);
        dialog.getDialogPane().setContent(field);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setOnShown(e -> field.requestFocus());
        boolean ok = dialog.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
        char[] secret = field.getText().toCharArray();
        field.clear();
        return ok ? Optional.of(secret) : Optional.empty();
    }

    @Override
    public boolean editServer(ServerFormViewModel form) {
        return form(form.isEdit() ? "Edit server" : "Add server", FormDialogs.serverForm(form), "Save", form::validate);
    }

    @Override
    public boolean editApplication(ApplicationFormViewModel form) {
        return form("Add application", FormDialogs.applicationForm(form), "Add", form::validate);
    }

    @Override
    public boolean reviewHostKeys(TrustViewModel trust) {
        Dialog<ButtonType> dialog = new Dialog<>();
        prepare(dialog, "Unknown host keys");
        dialog.setHeaderText(trust.items().size() + trust.substitutions().size() + " server(s) offered an unknown host key"
                + (trust.substitutions().isEmpty() ? "" : "; " + trust.substitutions().size() + " of them a possible substitution"));
        ButtonType trustSelected = new ButtonType("Trust selected", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(trustSelected, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(TrustView.create(trust));
        dialog.getDialogPane().lookupButton(trustSelected).disableProperty().bind(trust.selectedCountProperty().isEqualTo(0));
        // Only substitutions: nothing here for "Trust selected" to take; each has its own button in the content.
        dialog.getDialogPane().lookupButton(trustSelected).setVisible(!trust.items().isEmpty());
        dialog.getDialogPane().lookupButton(trustSelected).setManaged(!trust.items().isEmpty());
        dialog.setResizable(true);
        return dialog.showAndWait().filter(b -> b == trustSelected).isPresent();
    }

    @Override
    public Optional<Path> chooseWorkspace(Path current) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open workspace");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Workspace (*.yml, *.yaml)", "*.yml", "*.yaml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path dir = current == null ? null : current.toAbsolutePath().getParent();
        if (dir != null && dir.toFile().isDirectory()) chooser.setInitialDirectory(dir.toFile());
        File file = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseManifest(Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open manifest");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Manifest (*.yml, *.yaml)", "*.yml", "*.yaml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (folder != null && folder.toFile().isDirectory()) chooser.setInitialDirectory(folder.toFile());
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    /** A form dialog whose confirm button refuses to close while the input is invalid (the input stays). */
    private boolean form(String title, Node content, String confirm, BooleanSupplier validate) {
        Dialog<ButtonType> dialog = new Dialog<>();
        prepare(dialog, title);
        dialog.setHeaderText(title);
        ButtonType ok = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!validate.getAsBoolean()) e.consume();
        });
        return dialog.showAndWait().filter(b -> b == ok).isPresent();
    }

    private void prepare(Dialog<?> dialog, String title) {
        Window w = owner.get();
        if (w != null) dialog.initOwner(w);
        dialog.setTitle(title);
        Theme.style(dialog.getDialogPane());
    }
}
