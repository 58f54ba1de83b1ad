package dev.upkeep.ui.inventory;

import atlantafx.base.theme.Styles;
import dev.upkeep.ui.shared.Theme;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Servers › Import…: choose a file, preview (added / changed / skipped / not used), then Import. Modal to the window. */
public final class ImportDialog {
    private final ImportViewModel vm;
    private final Stage stage = new Stage();

    public ImportDialog(ImportViewModel vm, Window owner) {
        this.vm = vm;
        Label title = new Label("Import servers");
        title.getStyleClass().add(Styles.TITLE_3);
        Label sub = new Label("From ~/.ssh/config (each concrete Host alias) or an Ansible inventory (INI or YAML)."
                + " Nothing is written until you press Import.");
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        sub.setWrapText(true);

        BorderPane root = new BorderPane();
        root.setId("import-dialog");
        root.setTop(new VBox(4, title, sub, form()));
        root.setCenter(table());
        root.setBottom(bottom());
        root.setPadding(new Insets(12));
        BorderPane.setMargin(root.getCenter(), new Insets(8, 0, 8, 0));
        Theme.style(root);

        stage.setTitle("Import servers");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setScene(new Scene(root, 960, 640));
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private Node form() {
        ToggleGroup kinds = new ToggleGroup();
        RadioButton ansible = new RadioButton("Ansible inventory");
        ansible.setId("import-kind-ansible");
        RadioButton ssh = new RadioButton("~/.ssh/config aliases");
        ssh.setMnemonicParsing(false);
        ssh.setId("import-kind-ssh");
        ansible.setToggleGroup(kinds);
        ssh.setToggleGroup(kinds);
        (vm.kindProperty().get() == ImportViewModel.Kind.SSH_CONFIG ? ssh : ansible).setSelected(true);
        kinds.selectedToggleProperty().addListener((o, was, now) ->
                vm.kindProperty().set(now == ssh ? ImportViewModel.Kind.SSH_CONFIG : ImportViewModel.Kind.ANSIBLE));

        TextField file = new TextField();
        file.setId("import-file");
        file.setPromptText("the inventory or ssh_config file");
        file.textProperty().bindBidirectional(vm.fileProperty());
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> browse());
        HBox.setHgrow(file, Priority.ALWAYS);

        TextField app = new TextField();
        app.setId("import-app");
        app.textProperty().bindBidirectional(vm.applicationProperty());
        TextField match = new TextField();
        match.setId("import-match");
        match.setPromptText("e.g. web*  (empty: every alias)");
        match.textProperty().bindBidirectional(vm.matchProperty());
        TextField mapping = new TextField();
        mapping.setId("import-map");
        mapping.setPromptText("e.g. web=shop, db=shop-db  (empty: each group becomes an application)");
        mapping.textProperty().bindBidirectional(vm.mappingProperty());
        var isSsh = Bindings.equal(vm.kindProperty(), ImportViewModel.Kind.SSH_CONFIG);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10, 0, 0, 0));
        grid.addRow(0, new Label("From"), new HBox(16, ansible, ssh));
        grid.addRow(1, new Label("File"), new HBox(6, file, browse));
        Label appLabel = new Label("Application");
        Label matchLabel = new Label("Only aliases");
        Label mapLabel = new Label("Groups → applications");
        // the application (ssh_config) and the mapping (Ansible) share a row: one of them shows
        grid.add(appLabel, 0, 2);
        grid.add(app, 1, 2);
        grid.add(mapLabel, 0, 2);
        grid.add(mapping, 1, 2);
        grid.addRow(3, matchLabel, match);
        for (Node n : new Node[]{appLabel, app, matchLabel, match}) {
            n.visibleProperty().bind(isSsh);
            n.managedProperty().bind(isSsh);
        }
        for (Node n : new Node[]{mapLabel, mapping}) {
            n.visibleProperty().bind(isSsh.not());
            n.managedProperty().bind(isSsh.not());
        }
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);

        Button preview = new Button("Preview");
        preview.setId("import-preview");
        preview.setDefaultButton(true);
        preview.disableProperty().bind(vm.busyProperty());
        preview.setOnAction(e -> vm.preview());
        grid.add(preview, 1, 4);
        return grid;
    }

    private Node table() {
        TableView<ImportRow> table = new TableView<>(vm.rows());
        table.setId("import-rows");
        table.setPlaceholder(new Label("Choose a file and press Preview to see what would be added, changed and skipped."));
        table.getColumns().add(column("", ImportRow::what, 90));
        table.getColumns().add(column("Server", ImportRow::server, 200));
        table.getColumns().add(column("Details", ImportRow::detail, 470));
        // the file's name and line; the whole path is in the header above (the file chosen) or the row's tooltip
        table.getColumns().add(column("Found at", r -> r.source().substring(r.source().lastIndexOf('/') + 1), 170));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ImportRow row, boolean empty) {
                super.updateItem(row, empty);
                setTooltip(empty || row == null ? null : new javafx.scene.control.Tooltip(row.detail()
                        + (row.source().isEmpty() ? "" : "\n" + row.source())));
                getStyleClass().removeAll("import-add", "import-change", "import-skip", "import-note");
                if (empty || row == null) {
                    return;
                }
                getStyleClass().add(switch (row.what()) {
                    case ImportRow.ADD -> "import-add";
                    case ImportRow.CHANGE -> "import-change";
                    case ImportRow.SKIP -> "import-skip";
                    default -> "import-note";
                });
            }
        });
        return table;
    }

    private static TableColumn<ImportRow, String> column(String title, Function<ImportRow, String> value, double width) {
        TableColumn<ImportRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Node bottom() {
        Label problem = new Label();
        problem.setId("import-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label summary = new Label();
        summary.setId("import-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Button apply = new Button("Import");
        apply.setId("import-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(vm.cannotImportProperty());
        apply.setOnAction(e -> vm.importNow());
        Button close = new Button("Close");
        close.setId("import-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, summary, gap, apply, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, problem, buttons);
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(vm.kindProperty().get() == ImportViewModel.Kind.SSH_CONFIG ? "ssh_config file" : "Ansible inventory");
        String current = vm.fileProperty().get();
        Path start = current == null || current.isBlank() ? Path.of(System.getProperty("user.home"))
                : Path.of(current).toAbsolutePath().getParent();
        if (start != null && Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            vm.fileProperty().set(chosen.getPath());
        }
    }
}
