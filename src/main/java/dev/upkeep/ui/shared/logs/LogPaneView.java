package dev.upkeep.ui.shared.logs;

import atlantafx.base.theme.Styles;
import dev.upkeep.ui.shared.Icons;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A server's log: a virtualized list with a fixed cell height (so 100,000 lines scroll like 100), a search bar,
 * follow, copy and save. It follows the last line while the user is at the bottom; scrolling up stops that,
 * scrolling back down (or End, or the Follow button) resumes it.
 */
public final class LogPaneView {
    public static final String STYLESHEET = Objects.requireNonNull(
            LogPaneView.class.getResource("logs.css"), "logs.css").toExternalForm();

    private static final ObservableList<LogLine> OFF_SCREEN = FXCollections.emptyObservableList();
    private final LogPaneViewModel vm;
    private final UiExecutor ui;
    private final VBox root = new VBox();
    private final ListView<LogLine> list = new ListView<>();
    private final Label status = new Label();
    /** The first line in sight when the pane went off screen (-1: none), to come back to the same place. */
    private int hiddenAt = -1;

    public LogPaneView(LogPaneViewModel vm, UiExecutor ui) {
        this.vm = vm;
        this.ui = ui;
        list.setItems(vm.lines());
        list.setCellFactory(v -> new LogCell(vm));
        list.setFixedCellSize(20);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.getStyleClass().addAll("log-list", Styles.DENSE);
        list.setId("log-list");
        list.setPlaceholder(new Label("No output yet."));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setContextMenu(contextMenu());
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                vm.userAtBottom(false);
            } else {
                ui.onUi(this::checkBottom);
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.END) {
                vm.userAtBottom(true);
            } else if (e.getCode() == KeyCode.HOME || e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.UP) {
                vm.userAtBottom(false);
            } else if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copySelection();
            }
        });
        list.sceneProperty().addListener((o, was, now) -> onScreen(now != null));
        vm.scrollRequestsProperty().addListener((o, was, now) -> scrollToEnd());
        vm.followProperty().addListener((o, was, now) -> {
            if (now) {
                scrollToEnd();
            }
        });
        vm.matchProperty().addListener((o, was, now) -> {
            int i = now.intValue();
            list.refresh(); // highlight follows the query
            if (i >= 0) {
                list.getSelectionModel().clearAndSelect(i);
                list.scrollTo(Math.max(0, i - 3));
            }
        });
        status.getStyleClass().addAll("log-source", Styles.TEXT_SMALL);
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(this::statusText,
                vm.droppedProperty(), vm.totalProperty(), vm.sourceProperty()));
        root.getChildren().addAll(toolbar(), status, list);
        root.getStyleClass().add("log-pane");
        root.getStylesheets().add(STYLESHEET);
    }

    public VBox node() {
        return root;
    }

    public ListView<LogLine> list() {
        return list;
    }

    private HBox toolbar() {
        TextField search = new TextField();
        search.setId("log-search");
        search.setPromptText("Search this log");
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.setOnAction(e -> vm.findNext());
        Button next = iconButton("mdi2c-chevron-down", "Next match (Enter)", vm::findNext);
        next.setId("log-next");
        Button previous = iconButton("mdi2c-chevron-up", "Previous match", vm::findPrevious);
        Label hit = new Label();
        hit.getStyleClass().add(Styles.TEXT_MUTED);
        hit.textProperty().bind(Bindings.createStringBinding(() -> vm.queryProperty().get().isEmpty() ? ""
                : vm.matchProperty().get() < 0 ? "no match yet" : "line " + (vm.matchProperty().get() + 1), vm.matchProperty(), vm.queryProperty()));
        ToggleButton follow = new ToggleButton("Follow", Icons.icon("mdi2a-arrow-collapse-down"));
        follow.setId("log-follow");
        follow.setTooltip(new Tooltip("Keep the newest line in sight (End)"));
        follow.selectedProperty().bindBidirectional(vm.followProperty());
        Button copy = iconButton("mdi2c-content-copy", "Copy the selected lines (Ctrl+C)", this::copySelection);
        Button save = iconButton(Icons.SAVE, "Save the lines shown to a file", this::save);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, Icons.icon(Icons.SEARCH), search, previous, next, hit, spacer, follow, copy, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("log-toolbar");
        return bar;
    }

    private String statusText() {
        String where = vm.sourceProperty().get().isEmpty() ? "" : "Full log: " + vm.sourceProperty().get();
        if (vm.droppedProperty().get() == 0) {
            return where;
        }
        return String.format("Showing the last %,d of %,d lines; the older ones are only in the on-disk log. %s",
                vm.lines().size(), vm.totalProperty().get(), where);
    }

    private ContextMenu contextMenu() {
        MenuItem copy = new MenuItem("Copy", Icons.icon("mdi2c-content-copy"));
        copy.setOnAction(e -> copySelection());
        MenuItem all = new MenuItem("Select all");
        all.setOnAction(e -> list.getSelectionModel().selectAll());
        MenuItem save = new MenuItem("Save to file…", Icons.icon(Icons.SAVE));
        save.setOnAction(e -> save());
        return new ContextMenu(copy, all, save);
    }

    private void copySelection() {
        List<LogLine> selected = List.copyOf(list.getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(LogPaneViewModel.text(selected));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save log");
        chooser.setInitialFileName("upkeep.log");
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file == null) {
            return;
        }
        List<LogLine> snapshot = List.copyOf(vm.lines());
        Path target = file.toPath();
        ui.submit("save log", () -> {
                    LogPaneViewModel.save(snapshot, target);
                    return target;
                },
                p -> status.getStyleClass().remove(Styles.DANGER), e -> status.getStyleClass().add(Styles.DANGER));
    }

    private void scrollToEnd() {
        if (list.getItems() == vm.lines() && !vm.lines().isEmpty()) {
            list.scrollTo(vm.lines().size() - 1);
        }
    }

    /**
     * Off screen the list lets go of the lines and takes them back when shown again. A ListView with a skin re-measures
     * its whole list on every change of it, and a run window keeps one pane per server: 20 hidden panes of 100,000
     * lines each would otherwise pay for it on every batch of output. The selection is not kept; the place is.
     */
    private void onScreen(boolean shown) {
        if (!shown) {
            VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
            hiddenAt = flow == null || flow.getFirstVisibleCell() == null ? -1 : flow.getFirstVisibleCell().getIndex();
            list.setItems(OFF_SCREEN);
            return;
        }
        list.setItems(vm.lines());
        if (vm.followProperty().get()) {
            scrollToEnd();
        } else if (hiddenAt >= 0) {
            list.scrollTo(Math.min(hiddenAt, Math.max(0, vm.lines().size() - 1)));
        }
    }

    /** After a scroll down: back at the last line means follow again. */
    private void checkBottom() {
        VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
        if (flow == null || flow.getLastVisibleCell() == null) {
            return;
        }
        if (flow.getLastVisibleCell().getIndex() >= vm.lines().size() - 1) {
            vm.userAtBottom(true);
        }
    }

    private static Button iconButton(String icon, String tip, Runnable action) {
        Button b = new Button(null, Icons.icon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
