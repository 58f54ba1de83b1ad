package dev.upkeep.ui.packages;

import atlantafx.base.theme.Styles;
import dev.upkeep.debian.PackageFinding;
import dev.upkeep.run.PackageExposure;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ui.shared.Icons;
import dev.upkeep.ui.shared.Theme;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Find package: the names and the fixed version on top, the sortable answer below (server, application, package,
 * installed, candidate, security, exposed), and what to do with the exposed servers: select them in the main
 * table, or open Deploy with options on exactly those.
 */
public final class PackageFinderView {
    private final Stage stage = new Stage();

    /**
     * @param select selects these servers in the main window
     * @param deploy opens Deploy with options on these servers; null when deploys are not available
     */
    public PackageFinderView(PackageFinderViewModel vm, Window owner, Consumer<List<ServerRef>> select,
                             Consumer<List<ServerRef>> deploy) {
        TextField names = new TextField();
        names.setId("find-package-names");
        names.setPromptText("openssl libssl*");
        names.textProperty().bindBidirectional(vm.namesProperty());
        HBox.setHgrow(names, Priority.ALWAYS);
        TextField below = new TextField();
        below.setId("find-package-below");
        below.setPromptText("fixed version, e.g. 3.0.11-1~deb12u2");
        below.setPrefColumnCount(18);
        below.textProperty().bindBidirectional(vm.belowProperty());
        Button find = new Button("Find", Icons.icon(Icons.SEARCH));
        find.setId("find-package-go");
        find.setDefaultButton(true);
        find.disableProperty().bind(vm.runningProperty());
        find.setOnAction(e -> vm.find());
        HBox form = new HBox(8, new Label("Package"), names, new Label("below"), below, find);
        form.setAlignment(Pos.CENTER_LEFT);

        TableView<PackageExposure> table = new TableView<>(vm.rows());
        table.setId("find-package-table");
        table.getStyleClass().add(Styles.DENSE);
        table.setPlaceholder(new Label("No answer yet"));
        table.getColumns().add(column("Server", 120, r -> r.server().server()));
        table.getColumns().add(column("Application", 110, r -> r.server().application()));
        table.getColumns().add(column("Package", 170, r -> r.error() != null ? "(no answer)"
                : r.finding() == null ? "(none installed)" : r.finding().name()));
        table.getColumns().add(column("Installed", 150, r -> r.finding() == null ? ""
                : r.finding().isInstalled() ? r.finding().installed() : "not installed"));
        table.getColumns().add(column("Candidate", 150, r -> r.finding() == null || r.finding().candidate() == null ? "" : r.finding().candidate()));
        table.getColumns().add(column("Security", 95, r -> security(r.finding())));
        table.getColumns().add(column("Exposed", 95, r -> r.exposedText(vm.asked())));
        table.getColumns().add(column("Note", 260, r -> r.error() == null ? "" : r.error()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PackageExposure r, boolean empty) {
                super.updateItem(r, empty);
                pseudoClassStateChanged(EXPOSED, !empty && r != null && Boolean.TRUE.equals(r.exposed()));
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label message = new Label();
        message.setId("find-package-message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty());
        Button selectExposed = new Button("Select exposed servers");
        selectExposed.setId("find-package-select-exposed");
        selectExposed.disableProperty().bind(vm.noneExposedProperty());
        selectExposed.setOnAction(e -> select.accept(vm.exposedServers()));
        Button deployExposed = new Button("Deploy to exposed servers…", Icons.icon(Icons.DEPLOY));
        deployExposed.setId("find-package-deploy");
        if (deploy == null) {
            deployExposed.setDisable(true);
        } else {
            deployExposed.disableProperty().bind(vm.noneExposedProperty());
            deployExposed.setOnAction(e -> deploy.accept(vm.exposedServers()));
        }
        HBox actions = new HBox(8, message, new javafx.scene.layout.Region(), selectExposed, deployExposed);
        HBox.setHgrow(actions.getChildren().get(1), Priority.ALWAYS);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(10, form, table, actions);
        root.setPadding(new Insets(12));
        root.setId("find-package-view");
        BorderPane pane = new BorderPane(root);
        Theme.style(pane);
        stage.setTitle("Upkeep — Find package");
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(new Scene(pane, 1100, 620));
    }

    private static final javafx.css.PseudoClass EXPOSED = javafx.css.PseudoClass.getPseudoClass("exposed");

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private static String security(PackageFinding f) {
        if (f == null || f.candidateSecurity() == null) {
            return "";
        }
        return f.candidateSecurity() ? "yes" : "no";
    }

    private static TableColumn<PackageExposure, String> column(String title, double width, Function<PackageExposure, String> value) {
        TableColumn<PackageExposure, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
