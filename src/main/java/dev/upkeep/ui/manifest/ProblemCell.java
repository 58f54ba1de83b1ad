package dev.upkeep.ui.manifest;

import dev.upkeep.manifest.Problem;
import javafx.scene.control.ListCell;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** A problem as icon + "line:column severity: message" (severity is never colour alone). */
final class ProblemCell extends ListCell<Problem> {
    @Override
    protected void updateItem(Problem p, boolean empty) {
        super.updateItem(p, empty);
        getStyleClass().removeAll("problem-error", "problem-warning");
        if (empty || p == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        getStyleClass().add(p.isError() ? "problem-error" : "problem-warning");
        setGraphic(new FontIcon(p.isError() ? MaterialDesignC.CLOSE_CIRCLE : MaterialDesignA.ALERT));
        setText(p.line() + ":" + p.column() + "  " + (p.isError() ? "Error" : "Warning") + ": " + p.message());
    }
}
