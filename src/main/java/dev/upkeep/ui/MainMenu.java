package dev.upkeep.ui;

import dev.upkeep.ui.shared.Icons;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** File, Servers, Refresh and View menus. */
final class MainMenu {
    private final MenuBar bar = new MenuBar();

    MainMenu(Commands c) {
        this(c, null);
    }

    /** @param openDemo starts the demo fleet (File › Open demo fleet); null leaves the item out */
    MainMenu(Commands c, Runnable openDemo) {
        bar.setId("main-menu");
        Menu file = file(c);
        if (openDemo != null) {
            MenuItem demo = item("Open demo fleet", Icons.DEMO, null, openDemo);
            demo.setId("menu-open-demo");
            file.getItems().add(file.getItems().size() - 2, demo);
        }
        bar.getMenus().addAll(file, servers(c), refresh(c), view(c));
    }

    MenuBar node() {
        return bar;
    }

    private static Menu file(Commands c) {
        MenuItem open = item("Open workspace…", Icons.OPEN, "Shortcut+O", c.workspace::open);
        MenuItem save = item("Save", Icons.SAVE, "Shortcut+S", c.workspace::save);
        save.disableProperty().bind(c.cannotEdit);
        MenuItem manifest = item("Open manifest…", Icons.MANIFEST, null, c::openManifest);
        MenuItem reload = item("Reload", null, null, c.workspace::reload);
        reload.disableProperty().bind(c.workspace.busyProperty());
        MenuItem quit = item("Quit", null, "Shortcut+Q", c.quit);
        return new Menu("_File", null, open, save, reload, new SeparatorMenuItem(), manifest, new SeparatorMenuItem(), quit);
    }

    private static Menu servers(Commands c) {
        MenuItem addApp = item("Add application…", Icons.APPLICATION, null, c::addApplication);
        addApp.disableProperty().bind(c.cannotEdit);
        MenuItem add = item("Add server…", Icons.ADD, "Shortcut+N", c::addServer);
        add.disableProperty().bind(c.cannotEdit);
        MenuItem importServers = item("Import…", null, null, c::importServers);
        importServers.setId("menu-import");
        importServers.disableProperty().bind(c.cannotEdit);
        importServers.setVisible(c.importServers != null);
        MenuItem edit = item("Edit server…", Icons.EDIT, "Shortcut+E", c::editServer);
        edit.disableProperty().bind(c.cannotEdit.or(c.noSelection));
        MenuItem remove = item("Remove server", Icons.DELETE, null, c::removeServer);
        remove.disableProperty().bind(c.cannotEdit.or(c.noSelection));
        MenuItem manifest = item("Edit Manifest.yml", Icons.MANIFEST, "Shortcut+M", c::editManifest);
        manifest.disableProperty().bind(c.noManifest);
        MenuItem upgrade = item("Upgrade Docker to manifest version…", Icons.UPGRADE, null, c::upgradeDocker);
        upgrade.disableProperty().bind(c.noDockerDrift);
        MenuItem deploy = item("Deploy with options…", Icons.DEPLOY, "Shortcut+D", c::deploy);
        deploy.setId("menu-deploy");
        deploy.disableProperty().bind(c.cannotDeploy);
        MenuItem deployApp = item("Deploy to the whole application…", null, null, c::deployApplication);
        deployApp.disableProperty().bind(c.cannotDeploy);
        MenuItem oneClick = item(DeployWindows.UPGRADE_AND_REBOOT + "…", Icons.UPGRADE_AND_REBOOT, null,
                c::upgradeAndReboot);
        oneClick.setId("menu-upgrade-and-reboot");
        oneClick.disableProperty().bind(c.cannotDeploy);
        MenuItem findPackage = item("Find package…", Icons.SEARCH, null, c.findPackages);
        findPackage.setId("menu-find-package");
        findPackage.disableProperty().bind(c.fleet.emptyProperty());
        return new Menu("_Servers", null, addApp, manifest, new SeparatorMenuItem(), add, importServers, edit, remove, new SeparatorMenuItem(),
                deploy, deployApp, oneClick, upgrade, new SeparatorMenuItem(), findPackage);
    }

    private static Menu refresh(Commands c) {
        MenuItem shown = item("Refresh", Icons.REFRESH, "F5", () -> c.fleet.refreshShown(false));
        shown.disableProperty().bind(c.cannotRefresh);
        MenuItem selected = item("Refresh selected servers", null, "Shortcut+R", () -> c.fleet.refreshSelected(false));
        selected.disableProperty().bind(c.cannotRefresh.or(c.noSelection));
        MenuItem lists = item("Refresh with package-list update", Icons.UPDATE_LISTS, "Shift+F5", () -> c.fleet.refreshShown(true));
        lists.disableProperty().bind(c.cannotRefresh);
        MenuItem cancel = item("Cancel refresh", Icons.CANCEL, "Esc", c.fleet::cancelRefresh);
        cancel.disableProperty().bind(c.fleet.refresh().runningProperty().not());
        return new Menu("_Refresh", null, shown, selected, lists, new SeparatorMenuItem(), cancel);
    }

    private static Menu view(Commands c) {
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("dark-theme");
        dark.selectedProperty().bindBidirectional(c.theme.darkProperty());
        CheckMenuItem attention = new CheckMenuItem("Needs attention only");
        attention.selectedProperty().bindBidirectional(c.fleet.attentionOnlyProperty());
        MenuItem history = item("Run history", Icons.HISTORY, "Shortcut+H", c::showRunHistory);
        history.setId("menu-history");
        history.setDisable(c.deploys == null);
        return new Menu("_View", null, attention, history, new SeparatorMenuItem(), dark);
    }

    private static MenuItem item(String text, String icon, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : Icons.icon(icon));
        if (accelerator != null) item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }
}
