package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.ServerStatus;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fleet table: one virtualized row per server, every column rendered from the row's snapshot, sortable,
 * multi-select. Rows that need a reboot or cannot be reached are marked by {@link ServerTableRow}.
 */
public final class ServerTable {
    private final FleetViewModel vm;
    private final Columns columns;
    private final TableView<ServerRow> table = new TableView<>();

    public ServerTable(FleetViewModel vm, Supplier<Instant> now) {
        this.vm = vm;
        this.columns = new Columns(now, vm::patchAgeWarnDays);
        build();
        bind();
        // Ages ("5 min ago") move on even when no status arrives; a redraw of the visible rows is cheap.
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(30), e -> table.refresh()));
        tick.setCycleCount(Animation.INDEFINITE);
        tick.play();
    }

    public TableView<ServerRow> node() {
        return table;
    }

    private void build() {
        table.setId("server-table");
        table.getStyleClass().add("server-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // One fixed row height: the virtual flow never measures rows (fast with 1,000 servers), and rows keep one
        // height whether a spinner, an icon or plain text is showing.
        table.setFixedCellSize(32);
        table.setRowFactory(t -> new ServerTableRow(Instant::now));
        table.setPlaceholder(new Label("No server matches the search or filter."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // What an engineer scans for comes first (state, reboot, updates, versions); identity details after.
        table.getColumns().addAll(List.of(
                column("Server", 120, s -> CellView.text(s.ref().server()), by(s -> s.ref().server())),
                column("Application", 100, s -> CellView.text(s.ref().application()), by(s -> s.ref().application())),
                progressColumn("Reachability", 180, Columns::reachability, by(s -> reachOrder(s))),
                column("Reboot", 160, Columns::reboot, by(ServerTable::rebootOrder)),
                column("Security", 85, Columns::securityUpdates, by(s -> s.reachable() ? s.status().securityUpdates() : null)),
                column("Other", 70, Columns::otherUpdates, by(s -> s.reachable() ? s.status().otherUpdates() : null)),
                column("Package lists", 150, columns::packageLists, byStatus(ServerStatus::packageListsUpdated)),
                column("Last security upgrade", 160, columns::lastSecurityUpgrade,
                        by(s -> s.reachable() && s.status().securityPatchAge() != null ? s.status().securityPatchAge().daysAgo(Instant.now()) : null)),
                column("Services to restart", 150, Columns::servicesToRestart, by(s -> s.reachable() ? s.status().servicesToRestart() : null)),
                column("Unattended", 95, Columns::unattended, by(s -> s.reachable() ? s.status().unattendedUpgrades() : null)),
                column("Docker", 180, Columns::docker, byStatus(ServerStatus::dockerVersion)),
                column("Weave", 130, Columns::weave, byStatus(ServerStatus::weaveVersion)),
                column("Host", 110, s -> CellView.text(s.server().host()), by(s -> s.server().host())),
                column("OS", 200, s -> CellView.text(s.reachable() ? s.status().os() : ""), byStatus(ServerStatus::os)),
                column("Kernel", 290, Columns::kernel, byStatus(ServerStatus::kernel)),
                column("Uptime", 90, s -> CellView.text(s.reachable() ? Formats.uptime(s.status().uptimeSeconds()) : ""),
                        byStatus(ServerStatus::uptimeSeconds)),
                column("Last checked", 200, columns::lastChecked, byStatus(ServerStatus::checkedAt))));
    }

    private void bind() {
        SortedList<ServerRow> sorted = new SortedList<>(vm.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        vm.selectedRowProperty().bind(table.getSelectionModel().selectedItemProperty());
        Bindings.bindContent(vm.selectedRows(), table.getSelectionModel().getSelectedItems());
        vm.selectWith(refs -> {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (refs.contains(table.getItems().get(i).ref())) {
                    table.getSelectionModel().select(i);
                }
            }
        });
    }

    private static TableColumn<ServerRow, RowState> column(String title, double width, Function<RowState, CellView> render,
                                                           Comparator<RowState> order) {
        return column(title, width, render, order, false);
    }

    private static TableColumn<ServerRow, RowState> progressColumn(String title, double width, Function<RowState, CellView> render,
                                                                   Comparator<RowState> order) {
        return column(title, width, render, order, true);
    }

    private static TableColumn<ServerRow, RowState> column(String title, double width, Function<RowState, CellView> render,
                                                           Comparator<RowState> order, boolean progress) {
        TableColumn<ServerRow, RowState> c = new TableColumn<>(title);
        c.setId(columnId(title)); // stable: the remembered column order and widths refer to it
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> f.getValue().stateProperty());
        c.setCellFactory(col -> new StateCell(render, progress));
        c.setComparator(order);
        return c;
    }

    /** "Package lists" is col-package-lists. */
    static String columnId(String title) {
        return "col-" + title.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** Needs a reboot first, then does not; unknown sorts with the unknowns. */
    private static Integer rebootOrder(RowState s) {
        if (!s.reachable() || s.status().rebootRequired() == null) {
            return null;
        }
        return s.rebootRequired() ? Integer.valueOf(0) : Integer.valueOf(1);
    }

    private static <T extends Comparable<? super T>> Comparator<RowState> by(Function<RowState, T> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static <T extends Comparable<? super T>> Comparator<RowState> byStatus(Function<ServerStatus, T> key) {
        return by(s -> s.reachable() ? key.apply(s.status()) : null);
    }

    /** Unreachable first, then reachable, then never checked: trouble sorts to the top. */
    private static Integer reachOrder(RowState s) {
        return s.unreachable() ? 0 : s.reachable() ? 1 : 2;
    }
}
