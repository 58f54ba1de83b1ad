package dev.upkeep.ui.deploy;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.upkeep.run.RolloutText;
import dev.upkeep.run.RunStep;
import dev.upkeep.run.RunSummary;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ui.shared.Icons;
import dev.upkeep.ui.shared.Shortcuts;
import dev.upkeep.ui.shared.Theme;
import dev.upkeep.ui.shared.UiExecutor;
import dev.upkeep.ui.shared.logs.LogPaneView;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run in its own window: the overview (one row per server) beside the selected server's live log. Cancel asks
 * the core to stop; when the run ends a notice says how it went (in the window: ControlsFX's popup has no panel
 * under AtlantaFX).
 */
public final class RunView {
    private final RunViewModel vm;
    private final UiExecutor ui;
    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final StackPane logArea = new StackPane();
    private final Map<ServerRef, LogPaneView> panes = new HashMap<>();
    private final TableView<ServerRunRow> table;

    public RunView(RunViewModel vm, UiExecutor ui, Window owner) {
        this.vm = vm;
        this.ui = ui;
        table = overview();
        SplitPane split = new SplitPane(table, logArea);
        split.setDividerPositions(0.5);
        root.setTop(header());
        root.setCenter(split);
        root.setId("run-view");
        Theme.style(root);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showLog(now));
        if (!vm.rows().isEmpty()) {
            table.getSelectionModel().select(0);
        }
        stage.setTitle("Run " + vm.plan().id());
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(new Scene(root, 1280, 760));
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private VBox header() {
        Label head = new Label(RolloutText.headline(vm.plan()));
        head.getStyleClass().add(Styles.TITLE_4);
        // A long title gives way (ellipsis, whole text in the tooltip); the buttons never do.
        head.setMinWidth(0);
        head.setTooltip(new javafx.scene.control.Tooltip(head.getText()));
        Label message = new Label();
        message.setId("run-message");
        message.textProperty().bind(vm.messageProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("run-progress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(vm.progressProperty());
        Button cancel = new Button("Cancel run", Icons.icon(Icons.CANCEL));
        cancel.setId("run-cancel");
        cancel.setTooltip(new javafx.scene.control.Tooltip("Cancel the run (" + Shortcuts.CANCEL_RUN.display() + ")"));
        cancel.getStyleClass().add(Styles.DANGER);
        // Pressed again while cancelling, it stops waiting for servers mid-reboot (as a second Ctrl-C does).
        cancel.textProperty().bind(javafx.beans.binding.Bindings.when(vm.cancellingProperty())
                .then("Stop waiting").otherwise("Cancel run"));
        cancel.disableProperty().bind(vm.runningProperty().not().or(vm.stoppedWaitingProperty()));
        cancel.setOnAction(e -> {
            if (vm.cancellingProperty().get()) {
                vm.stopWaiting();
            } else {
                vm.cancel();
            }
        });
        cancel.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(Shortcuts.CANCEL_RUN.combination(), cancel::fire);
            }
        });
        Button pause = new Button();
        pause.setId("run-pause");
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(vm.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.graphicProperty().bind(javafx.beans.binding.Bindings.when(vm.pausedProperty())
                .then(Icons.icon(Icons.RESUME)).otherwise(Icons.icon(Icons.PAUSE)));
        pause.disableProperty().bind(vm.runningProperty().not().or(vm.cancellingProperty()));
        pause.setOnAction(e -> {
            if (vm.pausedProperty().get()) {
                vm.resume();
            } else {
                vm.pause();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        progress.setMinWidth(80);
        pause.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(10, head, spacer, progress, pause, cancel);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, line, message);
        box.setPadding(new Insets(10, 12, 8, 12));
        vm.summaryProperty().addListener((o, was, now) -> {
            if (now != null) {
                box.getChildren().add(notice(now));
            }
        });
        return box;
    }

    /** The in-window notification when the run ends. */
    private Message notice(RunSummary s) {
        boolean ok = s.allSucceeded();
        Message m = new Message(ok ? "All servers done" : s.failures() + " server(s) did not finish",
                RunViewModel.describe(s) + ". The fleet table is being refreshed for the servers that ran. "
                        + "Logs and summary are in the run history.",
                Icons.icon(ok ? Icons.REACHABLE : Icons.ATTENTION));
        m.setId("run-notice");
        m.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
        return m;
    }

    private TableView<ServerRunRow> overview() {
        TableView<ServerRunRow> t = new TableView<>(vm.rows());
        t.setId("run-overview");
        t.getStyleClass().add(Styles.DENSE);
        TableColumn<ServerRunRow, String> server = new TableColumn<>("Server");
        server.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().ref().server()));
        server.setPrefWidth(120);
        server.setMinWidth(100);
        TableColumn<ServerRunRow, RunStep> step = new TableColumn<>("Step");
        step.setCellValueFactory(c -> c.getValue().stepProperty());
        step.setCellFactory(c -> new StepCell());
        step.setPrefWidth(170);
        TableColumn<ServerRunRow, RunStep> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(c -> c.getValue().stepProperty());
        progress.setCellFactory(c -> new ProgressCell());
        progress.setPrefWidth(100);
        progress.setMinWidth(90);
        TableColumn<ServerRunRow, Duration> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> c.getValue().durationProperty());
        time.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Duration d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : format(d));
            }
        });
        time.setPrefWidth(70);
        time.setMinWidth(60);
        TableColumn<ServerRunRow, String> result = new TableColumn<>("Result");
        result.setCellValueFactory(c -> c.getValue().detailProperty());
        result.setPrefWidth(160);
        t.getColumns().addAll(List.of(server, step, progress, time, result));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private void showLog(ServerRunRow row) {
        if (row == null) {
            return;
        }
        LogPaneView pane = panes.computeIfAbsent(row.ref(), r -> new LogPaneView(vm.pane(r), ui));
        logArea.getChildren().setAll(pane.node());
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }

    /** The step's label, with an icon and tone for how it ended (never colour alone). */
    private static final class StepCell extends TableCell<ServerRunRow, RunStep> {
        @Override
        protected void updateItem(RunStep s, boolean empty) {
            super.updateItem(s, empty);
            getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(s.label());
            String icon = switch (s) {
                case DONE -> Icons.REACHABLE;
                case FAILED -> Icons.ATTENTION;
                case CANCELLED, NOT_STARTED -> Icons.CANCEL;
                case UNVERIFIED -> Icons.ATTENTION;
                case QUEUED -> "mdi2t-timer-sand";
                default -> "mdi2p-progress-clock";
            };
            setGraphic(Icons.icon(icon));
            if (s == RunStep.DONE) {
                getStyleClass().add(Styles.SUCCESS);
            }
            if (s == RunStep.FAILED || s == RunStep.UNVERIFIED) {
                getStyleClass().add(Styles.DANGER);
            }
            if (s == RunStep.CANCELLED || s == RunStep.NOT_STARTED) {
                getStyleClass().add(Styles.WARNING);
            }
        }
    }

    private static final class ProgressCell extends TableCell<ServerRunRow, RunStep> {
        private final ProgressBar bar = new ProgressBar();

        ProgressCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.getStyleClass().add(Styles.SMALL);
        }

        @Override
        protected void updateItem(RunStep s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            bar.setProgress(ServerRunRow.progressOf(s));
            setGraphic(bar);
        }
    }

}
