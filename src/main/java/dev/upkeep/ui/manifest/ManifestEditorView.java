package dev.upkeep.ui.manifest;

import atlantafx.base.theme.Styles;
import dev.upkeep.manifest.Problem;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

import java.time.Duration;

/**
 * The manifest editor: YAML text (highlighted, line numbers, undo/redo, find/replace) beside a form, with the
 * problems underneath. Put it in any Stage; the view model does the work.
 */
public final class ManifestEditorView extends BorderPane {
    private final ManifestEditorViewModel vm;
    private final CodeArea area = new CodeArea();
    private final ListView<Problem> problems = new ListView<>();
    private final ManifestFormPane form;
    private final TextField find = new TextField();
    private final TextField replace = new TextField();
    private boolean updatingFromModel;

    public ManifestEditorView(ManifestEditorViewModel vm) {
        this.vm = vm;
        this.form = new ManifestFormPane(vm);
        getStyleClass().add("manifest-editor");
        getStylesheets().add(ManifestEditorStyles.dataUri());
        setTop(toolBar());
        SplitPane split = new SplitPane(codeArea(), form);
        split.setDividerPositions(0.62);
        SplitPane vertical = new SplitPane(split, problemList());
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.78);
        setCenter(vertical);
        setBottom(statusBar());
        bindText();
    }

    /** Makes closing {@code stage} ask before unsaved changes are lost. */
    public void guardClose(javafx.stage.Stage stage) {
        stage.setOnCloseRequest(e -> {
            if (!vm.canClose()) {
                e.consume();
            }
        });
    }

    /** The text area (for the window's menus and for tests). */
    public CodeArea textArea() {
        return area;
    }

    private VirtualizedScrollPane<CodeArea> codeArea() {
        area.setId("manifest-text");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.multiPlainChanges().successionEnds(Duration.ofMillis(80))
                .subscribe(ignore -> area.setStyleSpans(0, YamlHighlighter.spans(area.getText())));
        return new VirtualizedScrollPane<>(area);
    }

    /** Text flows both ways; from the model only the changed middle is replaced, so undo and caret survive. */
    private void bindText() {
        area.textProperty().addListener((o, was, now) -> {
            if (!updatingFromModel) {
                vm.textEdited(now);
            }
        });
        vm.textProperty().addListener((o, was, now) -> applyModelText(now));
        applyModelText(vm.textProperty().get());
        area.getUndoManager().forgetHistory();
        vm.fileProperty().addListener((o, was, now) -> {
            area.getUndoManager().forgetHistory();
            // a freshly opened file starts at its first line, not where the inserted text left the caret
            area.moveTo(0);
            area.requestFollowCaret();
        });
        vm.jumpTargetProperty().addListener((o, was, p) -> {
            if (p != null) {
                int paragraph = Math.min(p.line() - 1, area.getParagraphs().size() - 1);
                int column = Math.min(p.column() - 1, area.getParagraphLength(paragraph));
                area.moveTo(paragraph, column);
                area.requestFollowCaret();
                area.requestFocus();
            }
        });
    }

    private void applyModelText(String now) {
        String current = area.getText();
        if (now.equals(current)) {
            return;
        }
        int start = 0;
        int max = Math.min(now.length(), current.length());
        while (start < max && now.charAt(start) == current.charAt(start)) {
            start++;
        }
        int end = 0;
        while (end < max - start && now.charAt(now.length() - 1 - end) == current.charAt(current.length() - 1 - end)) {
            end++;
        }
        updatingFromModel = true;
        try {
            area.replaceText(start, current.length() - end, now.substring(start, now.length() - end));
        } finally {
            updatingFromModel = false;
        }
    }

    private ToolBar toolBar() {
        Button save = new Button("Save", new FontIcon(MaterialDesignC.CONTENT_SAVE));
        save.setId("save");
        save.disableProperty().bind(vm.dirtyProperty().not().or(vm.savingProperty()));
        save.setOnAction(e -> vm.save());
        Button undo = new Button(null, new FontIcon(MaterialDesignU.UNDO));
        undo.getStyleClass().addAll(Styles.BUTTON_ICON, "undo");
        // a change listener (not a binding): the reactive value only re-fires after someone reads it again
        area.undoAvailableProperty().addListener((o, was, now) -> undo.setDisable(!now));
        undo.setDisable(!area.undoAvailableProperty().getValue());
        undo.setOnAction(e -> area.undo());
        Button redo = new Button(null, new FontIcon(MaterialDesignR.REDO));
        redo.getStyleClass().addAll(Styles.BUTTON_ICON, "redo");
        area.redoAvailableProperty().addListener((o, was, now) -> redo.setDisable(!now));
        redo.setDisable(!area.redoAvailableProperty().getValue());
        redo.setOnAction(e -> area.redo());
        find.setPromptText("Find");
        find.setOnAction(e -> findNext());
        replace.setPromptText("Replace with");
        Button replaceOne = new Button("Replace");
        replaceOne.setOnAction(e -> replaceSelection());
        Button replaceAll = new Button("All");
        replaceAll.setOnAction(e -> replaceAll());
        find.setPrefColumnCount(12);
        replace.setPrefColumnCount(12);
        return new ToolBar(save, undo, redo, new Separator(Orientation.VERTICAL), find, replace, replaceOne, replaceAll);
    }

    /** Counts (icon + number, not colour alone) and the last message. */
    private HBox statusBar() {
        Label counts = new Label();
        counts.setId("problem-counts");
        counts.textProperty().bind(Bindings.createStringBinding(() -> {
            long errors = vm.problems().stream().filter(Problem::isError).count();
            return errors + " error(s), " + (vm.problems().size() - errors) + " warning(s)";
        }, vm.problems()));
        Label message = new Label();
        message.setId("message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty());
        Label dirty = new Label();
        dirty.textProperty().bind(Bindings.when(vm.dirtyProperty()).then("Modified").otherwise(""));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(16, counts, dirty, grow, message);
        bar.setPadding(new javafx.geometry.Insets(4, 10, 4, 10));
        return bar;
    }

    private ListView<Problem> problemList() {
        problems.setId("problems");
        problems.setItems(vm.problems());
        problems.setCellFactory(list -> new ProblemCell());
        problems.setPlaceholder(new Label("No problems"));
        problems.setOnMouseClicked(e -> {
            Problem p = problems.getSelectionModel().getSelectedItem();
            if (p != null) {
                vm.jumpTo(p);
            }
        });
        return problems;
    }

    private void findNext() {
        String needle = find.getText();
        if (needle.isEmpty()) {
            return;
        }
        int from = area.getSelection().getEnd();
        int at = area.getText().indexOf(needle, from);
        if (at < 0) {
            at = area.getText().indexOf(needle); // wrap around
        }
        if (at >= 0) {
            area.selectRange(at, at + needle.length());
            area.requestFollowCaret();
        }
    }

    private void replaceSelection() {
        if (!find.getText().isEmpty() && area.getSelectedText().equals(find.getText())) {
            area.replaceSelection(replace.getText());
        }
        findNext();
    }

    private void replaceAll() {
        if (!find.getText().isEmpty()) {
            area.replaceText(area.getText().replace(find.getText(), replace.getText()));
        }
    }
}
