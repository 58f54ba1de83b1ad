package dev.upkeep.ui;

import dev.upkeep.ui.shared.Icons;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** Right-click on servers in the table: refresh them, edit or remove one, deploy, upgrade and reboot, upgrade drifted Docker,
 * open the manifest. */
final class RowMenu {
    private final ContextMenu menu = new ContextMenu();

    RowMenu(Commands c) {
        MenuItem refresh = new MenuItem("Refresh selected", Icons.icon(Icons.REFRESH));
        refresh.setOnAction(e -> c.fleet.refreshSelected(false));
        refresh.disableProperty().bind(c.cannotRefresh.or(c.noSelection));
        MenuItem lists = new MenuItem("Refresh selected with package-list update", Icons.icon(Icons.UPDATE_LISTS));
        lists.setOnAction(e -> c.fleet.refreshSelected(true));
        lists.disableProperty().bind(c.cannotRefresh.or(c.noSelection));
        MenuItem edit = new MenuItem("Edit server…", Icons.icon(Icons.EDIT));
        edit.setOnAction(e -> c.editServer());
        edit.disableProperty().bind(c.cannotEdit.or(c.noSelection));
        MenuItem remove = new MenuItem("Remove server", Icons.icon(Icons.DELETE));
        remove.setOnAction(e -> c.removeServer());
        remove.disableProperty().bind(c.cannotEdit.or(c.noSelection));
        MenuItem deploy = new MenuItem("Deploy with options…", Icons.icon(Icons.DEPLOY));
        deploy.setId("row-deploy");
        deploy.setOnAction(e -> c.deploy());
        deploy.disableProperty().bind(c.cannotDeploy);
        MenuItem oneClick = new MenuItem(DeployWindows.UPGRADE_AND_REBOOT + "…", Icons.icon(Icons.UPGRADE_AND_REBOOT));
        oneClick.setId("row-upgrade-and-reboot");
        oneClick.setOnAction(e -> c.upgradeAndReboot());
        oneClick.disableProperty().bind(c.cannotDeploy);
        MenuItem upgrade = new MenuItem("Upgrade Docker to manifest version…", Icons.icon(Icons.UPGRADE));
        upgrade.setId("upgrade-docker");
        upgrade.setOnAction(e -> c.upgradeDocker());
        upgrade.disableProperty().bind(c.noDockerDrift);
        MenuItem manifest = new MenuItem("Edit Manifest.yml", Icons.icon(Icons.MANIFEST));
        manifest.setOnAction(e -> c.editManifest());
        manifest.disableProperty().bind(c.noManifest);
        menu.getItems().addAll(refresh, lists, new SeparatorMenuItem(), edit, remove, new SeparatorMenuItem(), deploy, oneClick, upgrade, manifest);
    }

    ContextMenu node() {
        return menu;
    }
}
