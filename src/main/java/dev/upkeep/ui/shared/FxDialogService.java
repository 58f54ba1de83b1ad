package dev.upkeep.ui.shared;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** JavaFX dialogs, always owned by the main window and styled like it. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final Map<Class<?>, Function<DialogModel, Node>> views = new LinkedHashMap<>();

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** The view that draws a feature's dialog model; the shell registers one per model class it offers. */
    public <T extends DialogModel> FxDialogService view(Class<T> type, Function<? super T, Node> view) {
        views.put(type, model -> view.apply(type.cast(model)));
        return this;
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
    public boolean show(DialogModel model) {
        Function<DialogModel, Node> view = views.get(model.getClass());
        if (view == null) {
            throw new IllegalStateException("No dialog view registered for " + model.getClass().getName());
        }
        return form(model, view.apply(model));
    }

    @Override
    public Optional<Path> chooseWorkspace(Path current) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open workspace");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Workspace (*.yml, *.yaml)", "*.yml", "*.yaml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path dir = current == null ? null : current.toAbsolutePath().getParent();
        if (dir != null && dir.toFile().isDirectory()) {
            chooser.setInitialDirectory(dir.toFile());
        }
        File file = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseManifest(Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open manifest");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Manifest (*.yml, *.yaml)", "*.yml", "*.yaml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    /** A dialog whose confirm button refuses to close while the input is invalid (the input stays). */
    private boolean form(DialogModel model, Node content) {
        Dialog<ButtonType> dialog = new Dialog<>();
        prepare(dialog, model.title());
        dialog.setHeaderText(model.header());
        ButtonType ok = new ButtonType(model.confirmText(), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.disableProperty().bind(model.confirmDisabled());
        okButton.setVisible(model.confirmShown());
        okButton.setManaged(model.confirmShown());
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!model.validate()) {
                e.consume();
            }
        });
        dialog.setResizable(model.resizable());
        return dialog.showAndWait().filter(b -> b == ok).isPresent();
    }

    private void prepare(Dialog<?> dialog, String title) {
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        dialog.setTitle(title);
        Theme.style(dialog.getDialogPane());
    }
}
