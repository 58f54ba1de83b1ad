package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Settings;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.StatusService;
import dev.upkeep.ui.shared.DialogService;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The fleet: applications with counts, one row per server, what the table shows (application, search,
 * "needs attention only"), the selection, and refresh. Rows keep their last status across workspace edits.
 */
public final class FleetViewModel {
    private final ObservableValue<Workspace> workspace;
    private final ObservableList<ServerRow> rows = FXCollections.observableArrayList(r -> new Observable[]{r.stateProperty()});
    private final FilteredList<ServerRow> visibleRows = new FilteredList<>(rows);
    private final ObservableList<AppItem> applications = FXCollections.observableArrayList();
    private final AppItem all = new AppItem(null, null);
    private final ObjectProperty<AppItem> selectedApplication = new SimpleObjectProperty<>(all);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty attentionOnly = new SimpleBooleanProperty();
    private final ObjectProperty<ServerRow> selectedRow = new SimpleObjectProperty<>();
    private final ObservableList<ServerRow> selectedRows = FXCollections.observableArrayList();
    /** Set by the table: selects exactly the given servers there (the view model only holds what the table selects). */
    private Consumer<List<ServerRef>> selector = refs -> { };
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final FleetCounts counts = new FleetCounts();
    private final Map<ServerRef, ServerRow> byRef = new HashMap<>();
    private final RefreshViewModel refresh;

    public FleetViewModel(ObservableValue<Workspace> workspace, StatusService statusService, UiExecutor ui,
                          DialogService dialogs) {
        this.workspace = workspace;
        this.refresh = new RefreshViewModel(statusService, ui, dialogs, workspace::getValue, byRef::get, this::recount);
        applications.add(all);
        selectedApplication.addListener((o, was, now) -> {
            if (now == null) {
                selectedApplication.set(all);
            } else {
                refilter();
            }
        });
        search.addListener(o -> refilter());
        attentionOnly.addListener(o -> refilter());
        workspace.addListener((o, was, now) -> rebuild(now));
        rebuild(workspace.getValue());
    }

    // properties

    /** What the table shows, before sorting. */
    public FilteredList<ServerRow> visibleRows() {
        return visibleRows;
    }

    public ObservableList<ServerRow> rows() {
        return rows;
    }

    /** "All servers" first, then the workspace's applications in file order. */
    public ObservableList<AppItem> applications() {
        return applications;
    }

    public ObjectProperty<AppItem> selectedApplicationProperty() {
        return selectedApplication;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty attentionOnlyProperty() {
        return attentionOnly;
    }

    public ObjectProperty<ServerRow> selectedRowProperty() {
        return selectedRow;
    }

    /** Kept in step with the table's multiple selection by the view. */
    public ObservableList<ServerRow> selectedRows() {
        return selectedRows;
    }

    /** Selects exactly these servers in the table (Find package › Select exposed servers), those shown. */
    public void select(List<ServerRef> refs) {
        selector.accept(List.copyOf(refs));
    }

    /** The table's way to select rows; called once by the table. */
    public void selectWith(Consumer<List<ServerRef>> tableSelector) {
        this.selector = tableSelector;
    }

    /** The workspace's {@code settings.patchAgeWarnDays}: a last security upgrade older than this is marked. */
    public int patchAgeWarnDays() {
        Workspace ws = workspace.getValue();
        return ws == null ? Settings.DEFAULT_PATCH_AGE_WARN_DAYS : ws.settings().patchAgeWarnDays();
    }

    /** True when the workspace has no server at all: the view shows what to do instead of an empty table. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public FleetCounts counts() {
        return counts;
    }

    public RefreshViewModel refresh() {
        return refresh;
    }

    public ServerRow row(ServerRef ref) {
        return byRef.get(ref);
    }

    /** The application new servers go to: the selected one, if any. */
    public String selectedApplicationName() {
        AppItem item = selectedApplication.get();
        return item == null ? null : item.name();
    }

    // commands

    /** Refreshes every server of the selected application (all servers when "All servers" is selected). */
    public void refreshShown(boolean updateLists) {
        String app = selectedApplicationName();
        refresh.refresh(rows.stream().map(ServerRow::ref)
                .filter(r -> app == null || app.equals(r.application())).toList(), updateLists);
    }

    public void refreshSelected(boolean updateLists) {
        refresh.refresh(selectedRows.stream().map(ServerRow::ref).toList(), updateLists);
    }

    public void cancelRefresh() {
        refresh.cancel();
    }

    // internals

    private void rebuild(Workspace ws) {
        if (refresh.runningProperty().get()) {
            refresh.cancel();
        }
        Map<ServerRef, ServerRow> old = new HashMap<>(byRef);
        byRef.clear();
        List<ServerRow> next = new ArrayList<>();
        Map<String, AppItem> oldApps = new HashMap<>();
        applications.stream().filter(a -> !a.isAll()).forEach(a -> oldApps.put(key(a.name(), a.environment()), a));
        List<AppItem> nextApps = new ArrayList<>(List.of(all));
        for (Application app : ws == null ? List.<Application>of() : ws.applications()) {
            nextApps.add(oldApps.getOrDefault(key(app.name(), app.environment()), new AppItem(app.name(), app.environment())));
            for (Server server : app.servers()) {
                ServerRef ref = new ServerRef(app.name(), server.name());
                ServerRow row = old.get(ref);
                if (row == null) {
                    row = new ServerRow(ref, server);
                } else {
                    row.server(server);
                }
                byRef.put(ref, row);
                next.add(row);
            }
        }
        String selectedName = selectedApplicationName();
        applications.setAll(nextApps);
        rows.setAll(next);
        selectedApplication.set(nextApps.stream().filter(a -> !a.isAll() && a.name().equals(selectedName)).findFirst().orElse(all));
        empty.set(next.isEmpty());
        refilter();
        recount();
    }

    private void refilter() {
        visibleRows.setPredicate(new FleetFilter(selectedApplicationName(), search.get(), attentionOnly.get()));
    }

    private void recount() {
        counts.recount(rows);
        Map<String, int[]> perApp = new LinkedHashMap<>();
        for (ServerRow row : rows) {
            int[] c = perApp.computeIfAbsent(row.ref().application(), k -> new int[2]);
            c[0]++;
            if (row.state().needsAttention()) {
                c[1]++;
            }
        }
        int attention = perApp.values().stream().mapToInt(c -> c[1]).sum();
        all.counts(rows.size(), attention);
        for (AppItem item : applications) {
            if (item.isAll()) {
                continue;
            }
            int[] c = perApp.getOrDefault(item.name(), new int[2]);
            item.counts(c[0], c[1]);
        }
    }

    private static String key(String name, String environment) {
        return name + "\u0000" + environment;
    }
}
