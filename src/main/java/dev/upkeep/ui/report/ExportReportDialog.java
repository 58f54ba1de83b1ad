package dev.upkeep.ui.report;

import atlantafx.base.theme.Styles;
import dev.upkeep.report.ReportFormat;
import dev.upkeep.ui.shared.Theme;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;

/** File › Export report…: format, target file (typed or chosen), Export. Modal to the window; closes once written. */
public final class ExportReportDialog {
    private final Stage stage = new Stage();

    public ExportReportDialog(ExportReportViewModel vm, Window owner) {
        Label title = new Label("Export report");
        title.getStyleClass().add(Styles.TITLE_3);
        Label sub = new Label("Where the fleet stands, from the last refresh: the same report as `upkeep report`."
                + " The file is private to you (0600).");
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        sub.setWrapText(true);
        sub.setMinHeight(Region.USE_PREF_SIZE);

        ChoiceBox<ReportFormat> format = new ChoiceBox<>();
        format.setId("export-format");
        format.getItems().setAll(ReportFormat.values());
        format.valueProperty().bindBidirectional(vm.formatProperty());
        TextField file = new TextField();
        file.setId("export-file");
        file.setPromptText("fleet-report.html");
        file.textProperty().bindBidirectional(vm.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> choose(vm));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Format"), format);
        form.addRow(1, new Label("File"), new HBox(8, file, choose));
        GridPane.setHgrow(form.getChildren().get(3), Priority.ALWAYS);

        Label message = new Label();
        message.setId("export-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Button export = new Button("Export");
        export.setId("export-go");
        export.setDefaultButton(true);
        export.disableProperty().bind(vm.runningProperty());
        export.setOnAction(e -> vm.export());
        HBox buttons = new HBox(8, cancel, export);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(10, title, sub, form, message, buttons);
        root.setId("export-dialog");
        root.setPadding(new Insets(12));
        Theme.style(root);
        vm.writtenProperty().addListener((o, was, now) -> {
            if (now) {
                stage.close();
            }
        });
        stage.setTitle("Export report");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setScene(new Scene(root, 560, 270));
    }

    private void choose(ExportReportViewModel vm) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export report");
        ReportFormat f = vm.formatProperty().get();
        chooser.setInitialFileName("fleet-report." + f.name());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.name().toUpperCase() + " (*." + f.name() + ")", "*." + f.name()));
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            vm.fileProperty().set(chosen.toPath().toString());
        }
    }

    public void show() {
        stage.show();
        stage.toFront();
    }
}
