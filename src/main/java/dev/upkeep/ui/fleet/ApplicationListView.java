package dev.upkeep.ui.fleet;

import atlantafx.base.theme.Styles;
import dev.upkeep.ui.shared.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The applications on the left, each with its server count and a badge counting servers that need attention. */
public final class ApplicationListView {
    private final FleetViewModel vm;
    private final ListView<AppItem> list = new ListView<>();

    public ApplicationListView(FleetViewModel vm) {
        this.vm = vm;
        list.setId("application-list");
        list.getStyleClass().add("application-list");
        list.setItems(vm.applications());
        list.setCellFactory(l -> new AppCell());
        list.setMinWidth(180);
        list.setPrefWidth(220);
        bind();
    }

    public ListView<AppItem> node() {
        return list;
    }

    private void bind() {
        list.getSelectionModel().select(vm.selectedApplicationProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedApplicationProperty().set(now);
            }
        });
        vm.selectedApplicationProperty().addListener((o, was, now) -> {
            if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        // setAll on the items clears the list's selection; put the model's choice back.
        vm.applications().addListener((javafx.collections.ListChangeListener<AppItem>) c ->
                list.getSelectionModel().select(vm.selectedApplicationProperty().get()));
    }

    private static final class AppCell extends ListCell<AppItem> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final Label badge = new Label();
        private final HBox box;

        AppCell() {
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            badge.getStyleClass().add("attention-badge");
            badge.setGraphic(Icons.icon(Icons.ATTENTION));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(8, new VBox(2, name, detail), spacer, badge);
            box.setAlignment(Pos.CENTER_LEFT);
            // Fit the list's width instead of widening it (no horizontal scroll bar for a three-digit badge).
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(AppItem item, boolean empty) {
            super.updateItem(item, empty);
            name.textProperty().unbind();
            detail.textProperty().unbind();
            badge.textProperty().unbind();
            badge.visibleProperty().unbind();
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.label());
            name.setGraphic(Icons.icon(item.isAll() ? Icons.SERVERS : Icons.APPLICATION));
            String env = item.environment() == null ? "" : item.environment() + " · ";
            detail.textProperty().bind(item.serversProperty().asString(env + "%d servers"));
            badge.textProperty().bind(item.attentionProperty().asString());
            badge.visibleProperty().bind(item.attentionProperty().greaterThan(0));
            badge.setTooltip(new javafx.scene.control.Tooltip("Servers needing attention (unreachable, reboot required or security updates)"));
            setGraphic(box);
        }
    }
}
