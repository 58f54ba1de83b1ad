package dev.upkeep.ui;

import dev.upkeep.ui.shared.Icons;
import dev.upkeep.ui.shared.Shortcuts;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.textfield.CustomTextField;

import java.util.List;

/** Refresh, refresh with package lists, cancel, add/edit, the attention toggle and the search field. */
final class MainToolbar {
    private final ToolBar bar = new ToolBar();
    private final CustomTextField search = new CustomTextField();

    MainToolbar(Commands c) {
        Button refresh = button("refresh", "Refresh", Icons.REFRESH, "Check the servers of the selected application");
        refresh.setOnAction(e -> c.fleet.refreshShown(false));
        refresh.disableProperty().bind(c.cannotRefresh);
        Button lists = button("refresh-lists", "Update lists", Icons.UPDATE_LISTS,
                "Run apt-get update on each server first, so update counts are current (needs root or sudo)");
        lists.setOnAction(e -> c.fleet.refreshShown(true));
        lists.disableProperty().bind(c.cannotRefresh);
        Button cancel = button("cancel-refresh", null, Icons.CANCEL, "Cancel: stop the running refresh"); // icon only: see Add
        cancel.setOnAction(e -> c.fleet.cancelRefresh());
        cancel.disableProperty().bind(c.fleet.refresh().runningProperty().not());
        // icon only, like Edit beside it: Upgrade + reboot joined the toolbar and everything must still fit 1280 pixels
        Button add = button("add-server", null, Icons.ADD, "Add a server to the selected application");
        add.setOnAction(e -> c.addServer());
        add.disableProperty().bind(c.cannotEdit);
        Button edit = button("edit-server", null, Icons.EDIT, "Edit the selected server");
        edit.setOnAction(e -> c.editServer());
        edit.disableProperty().bind(c.cannotEdit.or(c.noSelection));

        Button deploy = button("deploy", "Deploy", Icons.DEPLOY,
                "Deploy with options: security and Docker/Weave upgrades on the selected servers or application");
        deploy.setOnAction(e -> c.deploy());
        deploy.disableProperty().bind(c.cannotDeploy);

        Button oneClick = button("upgrade-and-reboot", "Upgrade + reboot", Icons.UPGRADE_AND_REBOOT,
                "Upgrade and reboot if required: security upgrades on the selected servers (or application), then a reboot "
                        + "where one is required, rolling one server at a time; shows the plan to confirm first");
        oneClick.setOnAction(e -> c.upgradeAndReboot());
        oneClick.disableProperty().bind(c.cannotDeploy);

        // icon only, like Add and Edit: with Upgrade + reboot, the texts no longer fit 1280 pixels (the Servers menu has it)
        Button manifest = button("edit-manifest", null, Icons.MANIFEST, "Manifest: edit the Manifest.yml of the selected application");
        manifest.setOnAction(e -> c.editManifest());
        manifest.disableProperty().bind(c.noManifest);

        ToggleButton attention = new ToggleButton("Needs attention only", Icons.icon(Icons.FILTER));
        attention.setId("attention-only");
        attention.setTooltip(new Tooltip("Only unreachable servers, servers needing a reboot, and servers with security updates"));
        attention.selectedProperty().bindBidirectional(c.fleet.attentionOnlyProperty());

        search.setId("search");
        search.setPromptText("Search name, host, OS, version");
        search.setLeft(Icons.icon(Icons.SEARCH, "search-icon"));
        search.setPrefColumnCount(13); // narrower since Deploy joined the toolbar: everything fits a 1280-pixel screen
        search.textProperty().bindBidirectional(c.fleet.searchProperty());
        search.setTooltip(new Tooltip("Search servers by name, host, OS or version"));
        c.onFind(() -> {
            search.requestFocus();
            search.selectAll();
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.setId("main-toolbar");
        for (var node : List.<javafx.scene.control.Control>of(refresh, lists, cancel, add, edit, deploy, oneClick, manifest, attention, search)) {
            nameShortcut(node);
        }
        bar.getItems().addAll(refresh, lists, cancel, new Separator(javafx.geometry.Orientation.VERTICAL), add, edit,
                new Separator(javafx.geometry.Orientation.VERTICAL), deploy, oneClick, manifest, spacer, attention, search);
    }

    /** The tooltip says which keys do the same: a mouse user learns the keyboard on the way. */
    private static void nameShortcut(javafx.scene.control.Control control) {
        Shortcuts.Shortcut s = Shortcuts.TOOLBAR.get(control.getId());
        if (s != null && control.getTooltip() != null) {
            control.getTooltip().setText(control.getTooltip().getText() + " (" + s.display() + ")");
        }
    }

    CustomTextField search() {
        return search;
    }

    ToolBar node() {
        return bar;
    }

    private static Button button(String id, String text, String icon, String tip) {
        Button b = new Button(text, Icons.icon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
