package dev.upkeep.ui.fleet;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * A table cell that renders a row snapshot through a small function. Reused by the virtualized table: it keeps
 * one icon and (lazily) one progress indicator, and only swaps text, glyph and pseudo-classes.
 */
final class StateCell extends TableCell<ServerRow, RowState> {
    private final Function<RowState, CellView> render;
    private final boolean showsProgress;
    private final FontIcon icon = new FontIcon();
    private ProgressIndicator spinner;

    StateCell(Function<RowState, CellView> render, boolean showsProgress) {
        this.render = render;
        this.showsProgress = showsProgress;
        icon.getStyleClass().add("cell-icon");
        setContentDisplay(ContentDisplay.LEFT);
    }

    @Override
    protected void updateItem(RowState state, boolean empty) {
        super.updateItem(state, empty);
        CellView view = empty || state == null ? CellView.EMPTY : render.apply(state);
        for (Tone t : Tone.values()) {
            pseudoClassStateChanged(t.pseudoClass, t == view.tone());
        }
        setText(view.text());
        if (showsProgress && state != null && !empty && state.phase().busy()) {
            setGraphic(spinner());
        } else if (view.icon() != null) {
            icon.setIconLiteral(view.icon());
            setGraphic(icon);
        } else {
            setGraphic(null);
        }
    }

    private ProgressIndicator spinner() {
        if (spinner == null) {
            spinner = new ProgressIndicator();
            spinner.getStyleClass().add("row-spinner");
        }
        return spinner;
    }
}
