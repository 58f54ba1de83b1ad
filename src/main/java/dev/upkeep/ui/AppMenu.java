package dev.upkeep.ui;

import dev.upkeep.ui.shared.Icons;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;

/** Right-click on an application in the list: edit its manifest, add a server to it, upgrade and reboot it. */
final class AppMenu {
    private final ContextMenu menu = new ContextMenu();

    AppMenu(Commands c) {
        MenuItem manifest = new MenuItem("Edit Manifest.yml", Icons.icon(Icons.MANIFEST));
        manifest.setId("app-edit-manifest");
        manifest.setOnAction(e -> c.editManifest());
        manifest.disableProperty().bind(c.noManifest);
        MenuItem add = new MenuItem("Add server…", Icons.icon(Icons.ADD));
        add.setOnAction(e -> c.addServer());
        add.disableProperty().bind(c.cannotEdit);
        MenuItem oneClick = new MenuItem(DeployWindows.UPGRADE_AND_REBOOT + "…", Icons.icon(Icons.UPGRADE_AND_REBOOT));
        oneClick.setId("app-upgrade-and-reboot");
        oneClick.setOnAction(e -> c.upgradeAndRebootApplication());
        oneClick.disableProperty().bind(c.cannotDeploy);
        menu.getItems().addAll(manifest, add, new javafx.scene.control.SeparatorMenuItem(), oneClick);
    }

    ContextMenu node() {
        return menu;
    }
}
