package dev.upkeep.ui;

import dev.upkeep.ui.fleet.ServerRow;
import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The server table without a mouse: Enter edits the server in focus (as a double-click does), Space adds or removes
 * it from the selection, the context-menu key or Shift+F10 opens the row menu at the row. Arrows, Shift+arrows and
 * Ctrl+arrows are the table's own.
 */
final class TableKeys {
    private TableKeys() {
    }

    static void install(TableView<ServerRow> table, Commands c) {
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int focused = table.getFocusModel().getFocusedIndex();
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && focused >= 0) {
                if (!table.getSelectionModel().isSelected(focused)) {
                    table.getSelectionModel().clearAndSelect(focused);
                }
                c.editServer();
                e.consume();
            } else if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown() && !e.isShiftDown() && focused >= 0) {
                if (table.getSelectionModel().isSelected(focused)) {
                    table.getSelectionModel().clearSelection(focused);
                } else {
                    table.getSelectionModel().select(focused);
                }
                table.getFocusModel().focus(focused);
                e.consume();
            } else if (e.getCode() == KeyCode.CONTEXT_MENU || e.getCode() == KeyCode.F10 && e.isShiftDown()) {
                showMenu(table, focused);
                e.consume();
            }
        });
    }

    /** From the search field, Down goes to the results. */
    static void downToTable(TextField search, TableView<ServerRow> table) {
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.DOWN || table.getItems().isEmpty()) {
                return;
            }
            table.requestFocus();
            if (table.getSelectionModel().isEmpty()) {
                table.getSelectionModel().clearAndSelect(0);
            }
            table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex());
            e.consume();
        });
    }

    private static void showMenu(TableView<ServerRow> table, int focused) {
        if (table.getContextMenu() == null) {
            return;
        }
        Node anchor = table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == focused && !r.isEmpty())
                .findFirst().orElse(table);
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        if (b == null) {
            return;
        }
        table.getContextMenu().show(anchor, Side.BOTTOM, Math.min(40, b.getWidth() / 2), 0);
    }
}
