package dev.upkeep.ui.fleet;

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

    ServerTableRow(Supplier<Instant> now) {
        this.now = now;
    }

    @Override
    protected void updateItem(ServerRow row, boolean empty) {
        super.updateItem(row, empty);
        RowState s = empty || row == null ? null : row.state();
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
