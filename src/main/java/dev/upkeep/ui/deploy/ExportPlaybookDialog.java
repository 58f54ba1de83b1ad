package dev.upkeep.ui.deploy;

import atlantafx.base.theme.Styles;
import dev.upkeep.export.ExportException;
import dev.upkeep.ui.shared.Errors;
import dev.upkeep.ui.shared.Icons;
import dev.upkeep.ui.shared.Theme;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Deploy › Export as Ansible playbook…: asks for a folder (typed or browsed, so it can be driven without a native
 * chooser) and writes the Deploy dialog's current choice there. A refusal is shown as the export says it.
 */
final class ExportPlaybookDialog {
    static final String TITLE = "Export as Ansible playbook";
    private final Stage stage = new Stage();
    private final TextField folder = new TextField();
    private final Label problem = new Label();
    private final Label result = new Label();
    private final Button write = new Button("Export", Icons.icon("mdi2e-export"));

    ExportPlaybookDialog(DeployViewModel vm, AnsibleExporter exporter, UiExecutor ui, Window owner) {
        Label title = new Label(TITLE);
        title.getStyleClass().add(Styles.TITLE_3);
        Label what = new Label(vm.chosen().size() + " server(s) with the options chosen in the Deploy dialog. Writes ansible.cfg, "
                + "inventory.yml and upkeep.yml (private files); run ansible-playbook upkeep.yml in that folder.");
        what.setWrapText(true);
        what.getStyleClass().add(Styles.TEXT_MUTED);
        folder.setId("export-folder");
        folder.setPromptText("the folder to write (created private)");
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            File chosen = new DirectoryChooser().showDialog(stage);
            if (chosen != null) {
                folder.setText(chosen.toString());
            }
        });
        problem.setId("export-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        result.setId("export-result");
        result.setWrapText(true);
        result.getStyleClass().add(Styles.SUCCESS);
        write.setId("export-write");
        write.setDefaultButton(true);
        write.getStyleClass().add(Styles.ACCENT);
        write.disableProperty().bind(folder.textProperty().isEmpty());
        write.setOnAction(e -> export(vm, exporter, ui));
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, spacer, close, write);
        bar.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(8, title, what, new HBox(6, new Label("Folder"), folder, browse), problem, result, bar);
        root.setPadding(new Insets(12));
        root.setId("export-dialog");
        Theme.style(root);
        stage.setTitle(TITLE);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setScene(new Scene(root, 640, 300));
    }

    void show() {
        stage.show();
    }

    private void export(DeployViewModel vm, AnsibleExporter exporter, UiExecutor ui) {
        problem.setText("");
        result.setText("");
        Path dir = Path.of(folder.getText().strip()).toAbsolutePath();
        Callable<List<String>> work;
        try {
            work = vm.exportWork(exporter, dir);
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
            return;
        }
        write.disableProperty().unbind();
        write.setDisable(true);
        ui.submit("export playbook", work, files -> {
            rebind();
            result.setText("Wrote " + String.join(", ", files) + " in " + dir + ".\nRun it: cd " + dir + " && ansible-playbook upkeep.yml");
        }, e -> {
            rebind();
            problem.setText((e instanceof ExportException ? e.getMessage() : Errors.describe(e)) + " (nothing was written)");
        });
    }

    private void rebind() {
        write.disableProperty().bind(folder.textProperty().isEmpty());
    }
}
