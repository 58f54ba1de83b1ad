package dev.upkeep.ui.history;

import atlantafx.base.theme.Styles;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.ServerResult;
import dev.upkeep.ui.shared.Icons;
import dev.upkeep.ui.shared.Theme;
import dev.upkeep.ui.shared.UiExecutor;
import dev.upkeep.ui.shared.logs.LogPaneView;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.function.Function;

/** Run history: past runs on the left, the selected run's servers and results above the selected server's log. */
public final class HistoryView {
    private final Stage stage = new Stage();
    private final HistoryViewModel vm;

    public HistoryView(HistoryViewModel vm, UiExecutor ui, Window owner) {
        this.vm = vm;
        ListView<RunSummary> runs = new ListView<>(vm.runs());
        runs.setId("history-runs");
        runs.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RunSummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : HistoryViewModel.describe(s));
                setGraphic(empty || s == null ? null : Icons.icon(s.allSucceeded() ? Icons.REACHABLE : Icons.ATTENTION));
            }
        });
        runs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedRunProperty().set(now);
            }
        });
        vm.selectedRunProperty().addListener((o, was, now) -> runs.getSelectionModel().select(now));

        TableView<ServerResult> results = new TableView<>(vm.results());
        results.setId("history-results");
        results.getStyleClass().add(Styles.DENSE);
        results.getColumns().add(column("Server", 140, r -> r.server().toString()));
        results.getColumns().add(column("Result", 90, r -> r.outcome().label()));
        results.getColumns().add(column("Time", 70, r -> r.duration().toSeconds() + " s"));
        results.getColumns().add(column("Upgraded", 200, r -> r.upgraded().isEmpty() ? "" : String.join(", ", r.upgraded())));
        results.getColumns().add(column("Reboot", 80, r -> r.rebootRequired() ? "required" : ""));
        results.getColumns().add(column("Message", 260, ServerResult::message));
        results.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        results.setPrefHeight(200);
        results.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedServerProperty().set(now.server());
            }
        });

        LogPaneView log = new LogPaneView(vm.log(), ui);
        SplitPane right = new SplitPane(results, log.node());
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.3);
        SplitPane split = new SplitPane(runs, right);
        split.setDividerPositions(0.34);

        Label title = new Label("Run history");
        title.getStyleClass().add(Styles.TITLE_4);
        Label message = new Label();
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty());
        Button reload = new Button("Reload", Icons.icon(Icons.REFRESH));
        reload.setOnAction(e -> vm.reload());
        HBox top = new HBox(10, title, reload, message);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 12, 8, 12));
        BorderPane root = new BorderPane(split, top, null, null, null);
        root.setId("history-view");
        Theme.style(root);
        stage.setTitle("Upkeep — Run history");
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(new Scene(root, 1280, 760));
    }

    public void show() {
        stage.show();
        vm.reload();
    }

    public Stage stage() {
        return stage;
    }

    private static TableColumn<ServerResult, String> column(String title, double width, Function<ServerResult, String> value) {
        TableColumn<ServerResult, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

}
