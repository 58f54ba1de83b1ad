package dev.upkeep.ui.fleet;

import atlantafx.base.theme.Styles;
import dev.upkeep.fleet.KexWarning;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ui.shared.Icons;
import dev.upkeep.ui.shared.UiExecutor;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** Everything known about the selected server: configuration, status, the reboot or error explanation, and drift. */
public final class ServerDetailPane {
    private final FleetViewModel vm;
    private final Supplier<Instant> now;
    private final Label title = new Label("No server selected");
    private final Label subtitle = new Label("Select a row to see its details.");
    private final Label alert = new Label();
    private final Label kexAlert = new Label();
    private final GridPane grid = new GridPane();
    private final VBox box = new VBox(10, title, subtitle, alert, kexAlert, grid);
    private final ScrollPane scroll = new ScrollPane(box);
    private final ChangeListener<RowState> stateListener = (o, was, now) -> show(now);

    private final BiConsumer<ServerRef, List<String>> restart;

    public ServerDetailPane(FleetViewModel vm, Supplier<Instant> now) {
        this(vm, now, null);
    }

    /** @param restart Restart services… for a server and the services listed (null: the window runs nothing) */
    public ServerDetailPane(FleetViewModel vm, Supplier<Instant> now,
                            BiConsumer<ServerRef, List<String>> restart) {
        this(vm, now, restart, null, null);
    }

    private final javafx.scene.Node node;

    /**
     * @param history reads a server's patch history for the History tab (null: no History tab)
     * @param ui      where the read runs
     */
    public ServerDetailPane(FleetViewModel vm, Supplier<Instant> now,
                            BiConsumer<ServerRef, List<String>> restart,
                            PatchHistoryTab.Loader history, UiExecutor ui) {
        this.restart = restart;
        this.vm = vm;
        this.now = now;
        build();
        bind();
        if (history == null) {
            node = scroll;
        } else {
            javafx.scene.control.Tab details = new javafx.scene.control.Tab("Details", scroll);
            details.setClosable(false);
            javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(details, new PatchHistoryTab(vm, history, ui).tab());
            tabs.setId("detail-tabs");
            tabs.setMinWidth(260);
            tabs.setPrefWidth(360);
            node = tabs;
        }
    }

    /** The details, or with a patch history loader, tabs: Details and History. */
    public javafx.scene.Node node() {
        return node;
    }

    private void build() {
        box.setId("server-detail");
        box.getStyleClass().add("detail-pane");
        box.setPadding(new Insets(12));
        title.getStyleClass().add(Styles.TITLE_4);
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        alert.setId("detail-alert");
        alert.setWrapText(true);
        alert.getStyleClass().add("detail-alert");
        alert.setManaged(false);
        alert.setVisible(false);
        kexAlert.setId("detail-kex-alert");
        kexAlert.setWrapText(true);
        kexAlert.getStyleClass().addAll("detail-alert", Styles.WARNING);
        kexAlert.setGraphic(Icons.icon(Icons.KEX_NOT_PQ));
        kexAlert.setManaged(false);
        kexAlert.setVisible(false);
        grid.setHgap(10);
        javafx.scene.layout.ColumnConstraints keys = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        grid.getColumnConstraints().addAll(keys, values);
        grid.setVgap(4);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(260);
        scroll.setPrefWidth(360);
    }

    private void bind() {
        vm.selectedRowProperty().addListener((o, was, row) -> {
            if (was != null) {
                was.stateProperty().removeListener(stateListener);
            }
            if (row != null) {
                row.stateProperty().addListener(stateListener);
            }
            show(row == null ? null : row.state());
        });
    }

    private void show(RowState s) {
        grid.getChildren().clear();
        alert.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        alert.setVisible(false);
        alert.setManaged(false);
        boolean kexWarning = s != null && s.reachable() && s.status().kexNotPostQuantum();
        kexAlert.setText(kexWarning ? "Warning: " + KexWarning.text(s.status().kex().algorithm()) : "");
        kexAlert.setVisible(kexWarning);
        kexAlert.setManaged(kexWarning);
        if (s == null) {
            title.setText("No server selected");
            subtitle.setText("Select a row to see its details.");
            return;
        }
        Server server = s.server();
        title.setText(s.ref().server());
        subtitle.setText(s.ref().application() + " · " + server.host() + (server.port() == null ? "" : ":" + server.port()));
        String why = Explain.why(s, now.get());
        if (why != null) {
            alert.setText(why);
            alert.setGraphic(Icons.icon(s.unreachable() ? Icons.UNREACHABLE : Icons.REBOOT));
            alert.getStyleClass().add(s.unreachable() ? Styles.DANGER : Styles.WARNING);
            alert.setVisible(true);
            alert.setManaged(true);
        }
        int r = 0;
        r = row(r, "User", Formats.orDash(server.user()));
        r = row(r, "Identity file", Formats.orDash(server.identityFile()));
        r = row(r, "sudo", server.sudo() ? "yes" : "no");
        r = row(r, "Groups", server.groups().isEmpty() ? "—" : String.join(", ", server.groups()));
        r = row(r, "State", Columns.reachability(s).text());
        ServerStatus st = s.status();
        if (st == null || !st.reachable()) {
            // no versions to compare yet: the drift section says what the manifest wants
            if (st != null) {
                r = row(r, "Last checked", Formats.time(st.checkedAt()) + " (" + Formats.ago(st.checkedAt(), now.get()) + ")");
            }
            DriftSection.addTo(grid, r, s);
            return;
        }
        r = row(r, "Last checked", Formats.time(st.checkedAt()) + " (" + Formats.ago(st.checkedAt(), now.get()) + ")");
        r = row(r, "Key exchange", st.kex() == null ? "—" : st.kex().describe());
        r = row(r, "OS", Formats.orDash(st.os()));
        r = row(r, "Support", Formats.orDash(st.supportSummary()));
        r = row(r, "Kernel running", Formats.orDash(st.kernel()));
        r = row(r, "Kernel installed", Formats.orDash(st.installedKernel()) + (st.kernelUpdatePending() ? "  (newer: reboot to use it)" : ""));
        r = row(r, "Boot id", Formats.orDash(st.bootId()));
        r = row(r, "Uptime", Formats.orDash(Formats.uptime(st.uptimeSeconds())));
        r = row(r, "Reboot required", yesNo(st.rebootRequired(), "yes", "no"));
        if (st.needsReboot()) {
            r = row(r, "Since", st.rebootRequiredSince() == null ? "—" : Formats.time(st.rebootRequiredSince()));
            r = row(r, "Packages", st.rebootPackages().isEmpty() ? "—" : String.join("\n", st.rebootPackages()));
        }
        r = row(r, "Security updates", Formats.orDash(st.securityUpdates() == null ? null : st.securityUpdates().toString()));
        r = row(r, "Other updates", Formats.orDash(st.otherUpdates() == null ? null : st.otherUpdates().toString()));
        if (st.phasedUpdates() != null && st.phasedUpdates() > 0) {
            r = row(r, "Phased updates", st.phasedUpdates() + " held back by Ubuntu's staged roll-out (not pending here yet)");
        }
        r = row(r, "Package lists", !st.listsKnown() ? "—" : st.packageListsUpdated() == null ? "never updated"
                : Formats.time(st.packageListsUpdated()) + (Formats.listsStale(st, now.get()) ? "  (stale: refresh with package-list update)" : ""));
        r = row(r, "Unattended upgrades", yesNo(st.unattendedUpgrades(), "on", "off"));
        r = RestartSection.addTo(grid, r, s.ref(), st.restartNeeds(), restart);
        r = row(r, "Docker", Formats.orDash(st.dockerVersion()));
        r = row(r, "Weave", Formats.orDash(st.weaveVersion()));
        DriftSection.addTo(grid, r, s);
    }

    /** Unknown is a dash, never the "no" word. */
    private static String yesNo(Boolean value, String yes, String no) {
        return value == null ? "—" : value ? yes : no;
    }

    private int row(int r, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add(Styles.TEXT_MUTED);
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        grid.addRow(r, k, v);
        return r + 1;
    }
}
