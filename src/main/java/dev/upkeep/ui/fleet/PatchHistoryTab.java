package dev.upkeep.ui.fleet;

import atlantafx.base.theme.Styles;
import dev.upkeep.history.PackageChange;
import dev.upkeep.history.PatchEvent;
import dev.upkeep.history.PatchHistory;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ui.shared.Errors;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The detail pane's History tab: the selected server's own patch history (apt, unattended-upgrades, Upkeep's runs),
 * newest first, read when the tab is shown (one SSH read, off the FX thread).
 */
public final class PatchHistoryTab {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** Reads a server's patch history (blocking: called off the FX thread). */
    public interface Loader {
        PatchHistory load(ServerRef server) throws Exception;
    }

    private final FleetViewModel vm;
    private final Loader loader;
    private final UiExecutor ui;
    private final Label message = new Label("Select a row to see its patch history.");
    private final TableView<PatchEvent> table = new TableView<>();
    private final Tab tab = new Tab("History");
    /** The server whose history is shown or being read (a late answer for another is dropped). */
    private ServerRef showing;

    PatchHistoryTab(FleetViewModel vm, Loader loader, UiExecutor ui) {
        this.vm = vm;
        this.loader = loader;
        this.ui = ui;
        message.setId("detail-history-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_MUTED);
        table.setId("detail-history-table");
        table.setPlaceholder(new Label("No package changes in the logs read."));
        table.getColumns().add(column("When (UTC)", 120, e -> WHEN.format(e.start())));
        table.getColumns().add(column("Started by", 150, e -> e.startedBy() == null ? "?" : e.startedBy()));
        table.getColumns().add(column("Security", 70, e -> e.security() ? "yes" : ""));
        table.getColumns().add(column("Changes", 300, PatchHistoryTab::changes));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        tab.setClosable(false);
        tab.setId("detail-history-tab");
        // Its content joins the scene when the tab is first shown: a TabPane keeps every tab's content in the scene,
        // and this table's styling and layout were part of the window's first frame although nobody saw it.
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                showContent();
                load();
            }
        });
        vm.selectedRowProperty().addListener((o, was, row) -> {
            if (tab.isSelected()) {
                load();
            }
        });
    }

    Tab tab() {
        return tab;
    }

    private void showContent() {
        if (tab.getContent() == null) {
            VBox box = new VBox(8, message, table);
            VBox.setVgrow(table, Priority.ALWAYS);
            box.setPadding(new Insets(8));
            tab.setContent(box);
        }
    }

    static String changes(PatchEvent e) {
        String text = String.join(", ", e.changes().stream().map(PackageChange::toString).toList());
        if (text.isEmpty() && e.summary() != null) {
            text = e.summary();
        }
        return e.error() == null ? text : text + (text.isEmpty() ? "" : "  ") + "ERROR: " + e.error();
    }

    private void load() {
        ServerRow row = vm.selectedRowProperty().get();
        table.getItems().clear();
        if (row == null) {
            showing = null;
            message.setText("Select a row to see its patch history.");
            return;
        }
        ServerRef ref = row.ref();
        showing = ref;
        message.setText("Reading the patch history of " + ref.server() + "…");
        ui.submit("read the patch history of " + ref, () -> loader.load(ref), h -> {
            if (!ref.equals(showing)) {
                return;
            }
            List<PatchEvent> newestFirst = new ArrayList<>(h.events());
            Collections.reverse(newestFirst);
            table.getItems().setAll(newestFirst);
            message.setText(h.events().size() + " change(s)" + (h.logsSince() == null ? "; no apt history log was read"
                    : "; the apt logs read go back to " + WHEN.format(h.logsSince()) + " UTC")
                    + (h.notes().isEmpty() ? "" : "\nNote: " + String.join("\nNote: ", h.notes())));
        }, e -> {
            if (ref.equals(showing)) {
                message.setText("Could not read the patch history of " + ref.server() + ": " + Errors.describe(e));
            }
        });
    }

    private static TableColumn<PatchEvent, String> column(String title, double width, Function<PatchEvent, String> text) {
        TableColumn<PatchEvent, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        return c;
    }
}
