package dev.upkeep.ui.fleet;

import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import java.time.Instant;
import java.util.function.Supplier;

/** Marks rows that need a reboot or could not be reached (pseudo-classes for the stylesheet) and explains why in a tooltip. */
final class ServerTableRow extends TableRow<ServerRow> {
    static final PseudoClass REBOOT = PseudoClass.getPseudoClass("reboot-required");
    static final PseudoClass UNREACHABLE = PseudoClass.getPseudoClass("unreachable");
    static final PseudoClass BUSY = PseudoClass.getPseudoClass("checking");

    private final Supplier<Instant> now;
    private Tooltip tooltip;
    /** A row's item stays the same object while its state changes, so the row listens to the state itself. */
    private final ChangeListener<RowState> stateListener = (o, was, now) -> mark(now);
    private ServerRow watched;

    ServerTableRow(Supplier<Instant> now) {
        this.now = now;
    }

    @Override
    protected void updateItem(ServerRow row, boolean empty) {
        super.updateItem(row, empty);
        ServerRow next = empty ? null : row;
        if (watched != next) {
            if (watched != null) {
                watched.stateProperty().removeListener(stateListener);
            }
            if (next != null) {
                next.stateProperty().addListener(stateListener);
            }
            watched = next;
        }
        mark(next == null ? null : next.state());
    }

    private void mark(RowState s) {
        pseudoClassStateChanged(REBOOT, s != null && s.rebootRequired());
        pseudoClassStateChanged(UNREACHABLE, s != null && s.unreachable());
        pseudoClassStateChanged(BUSY, s != null && s.phase().busy());
        String why = s == null ? null : Explain.why(s, now.get());
        if (why == null) {
            setTooltip(null);
        } else {
            if (tooltip == null) {
                tooltip = new Tooltip();
                tooltip.setShowDelay(Duration.millis(300));
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(520);
            }
            tooltip.setText(why);
            setTooltip(tooltip);
        }
    }
}
