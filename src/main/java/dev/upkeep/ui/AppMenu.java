package dev.upkeep.ui;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;

/** Right-click on an application in the list: edit its manifest, add a server to it. */
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
        menu.getItems().addAll(manifest, add);
    }

    ContextMenu node() {
        return menu;
    }
}
