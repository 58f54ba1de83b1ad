package dev.upkeep.ui;

import dev.upkeep.ui.fleet.ApplicationListView;
import dev.upkeep.ui.fleet.ServerDetailPane;
import dev.upkeep.ui.fleet.ServerRow;
import dev.upkeep.ui.fleet.ServerTable;
import dev.upkeep.ui.shared.Theme;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.function.Supplier;

/** The main window's layout: menus and toolbar on top, applications | servers | details, status bar below. */
final class MainView {
    private final BorderPane root = new BorderPane();
    private final SplitPane split;
    private final ServerTable table;

    MainView(Commands c, Supplier<Instant> now) {
        this(c, now, DemoActions.NONE);
    }

    MainView(Commands c, Supplier<Instant> now, DemoActions demo) {
        table = new ServerTable(c.fleet, now);
        table.node().setContextMenu(new RowMenu(c).node());
        table.node().setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2 && onRow(e)) {
                c.editServer();
            }
        });
        TableKeys.install(table.node(), c);
        EmptyStateView empty = new EmptyStateView(c.workspace, c::addApplication, c::addServer, demo.open(), demo.active());
        // The empty state stands in for the table until the workspace has a server.
        table.node().visibleProperty().bind(c.fleet.emptyProperty().not());
        empty.node().visibleProperty().bind(c.fleet.emptyProperty());
        StackPane centre = new StackPane(table.node(), empty.node());

        ApplicationListView apps = new ApplicationListView(c.fleet);
        apps.node().setContextMenu(new AppMenu(c).node());
        split = new SplitPane(apps.node(), centre, new ServerDetailPane(c.fleet, now,
                c.deploys == null ? null : c.deploys::restartServices, c.patchHistory, c.ui).node());
        split.setDividerPositions(0.16, 0.72);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        SplitPane.setResizableWithParent(split.getItems().get(2), false);

        MainToolbar toolbar = new MainToolbar(c);
        TableKeys.downToTable(toolbar.search(), table.node());
        root.setTop(new VBox(new MainMenu(c, demo.open()).node(), toolbar.node()));
        root.setCenter(split);
        root.setBottom(new StatusBarView(c.fleet, c.workspace, c.drift, c.deploys == null ? null : c.deploys.deployments(), demo.active()).node());
        root.getStyleClass().add("upkeep-root");
        Theme.style(root);
    }

    /** Double-clicks on headers or empty space below the rows must not edit the selected server. */
    private static boolean onRow(javafx.scene.input.MouseEvent e) {
        javafx.scene.Node n = e.getPickResult().getIntersectedNode();
        while (n != null && !(n instanceof javafx.scene.control.TableRow)) {
            n = n.getParent();
        }
        return n instanceof javafx.scene.control.TableRow<?> row && !row.isEmpty();
    }

    BorderPane node() {
        return root;
    }

    /** Applications | servers | details: its dividers are remembered. */
    SplitPane split() {
        return split;
    }

    /** Its column order and widths are remembered. */
    javafx.scene.control.TableView<ServerRow> table() {
        return table.node();
    }
}
