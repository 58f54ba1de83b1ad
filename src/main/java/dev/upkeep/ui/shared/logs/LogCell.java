package dev.upkeep.ui.shared.logs;

import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A reusable cell of the log list: the ListView keeps only enough of them to fill the screen, so a pane of
 * 100,000 lines costs a few dozen nodes. Stderr lines get an icon and the {@code :stderr} state, not colour alone.
 */
final class LogCell extends ListCell<LogLine> {
    static final PseudoClass STDERR = PseudoClass.getPseudoClass("stderr");
    static final PseudoClass MATCH = PseudoClass.getPseudoClass("match");
    static final String STDERR_ICON = "mdi2a-alert-circle-outline";

    private final LogPaneViewModel vm;
    private final FontIcon errorIcon = new FontIcon(STDERR_ICON);

    LogCell(LogPaneViewModel vm) {
        this.vm = vm;
        getStyleClass().add("log-cell");
        errorIcon.getStyleClass().add("log-stderr-icon");
    }

    @Override
    protected void updateItem(LogLine line, boolean empty) {
        super.updateItem(line, empty);
        if (empty || line == null) {
            setText(null);
            setGraphic(null);
            pseudoClassStateChanged(STDERR, false);
            pseudoClassStateChanged(MATCH, false);
            return;
        }
        setText(line.text());
        setGraphic(line.error() ? errorIcon : null);
        pseudoClassStateChanged(STDERR, line.error());
        pseudoClassStateChanged(MATCH, vm.matches(line));
    }
}
