package dev.upkeep.ui;

import dev.upkeep.ui.shared.Icons;
import dev.upkeep.ui.shared.Shortcuts;
import dev.upkeep.windowstate.ThemeChoice;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** File, Servers, Refresh, View and Help menus; every accelerator comes from {@link Shortcuts}. */
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
        bar.getMenus().addAll(file, servers(c), refresh(c), view(c), help(c));
    }

    MenuBar node() {
        return bar;
    }

    private static Menu file(Commands c) {
        MenuItem open = item("Open workspace…", Icons.OPEN, Shortcuts.OPEN_WORKSPACE, c.workspace::open);
        MenuItem save = item("Save", Icons.SAVE, Shortcuts.SAVE, c.workspace::save);
        save.disableProperty().bind(c.cannotEdit);
        MenuItem manifest = item("Open manifest…", Icons.MANIFEST, Shortcuts.OPEN_MANIFEST, c::openManifest);
        MenuItem reload = item("Reload", null, Shortcuts.RELOAD, c.workspace::reload);
        reload.disableProperty().bind(c.workspace.busyProperty());
        MenuItem export = item("Export report…", null, Shortcuts.EXPORT_REPORT, c::exportReport);
        export.setId("menu-export-report");
        export.disableProperty().bind(c.fleet.emptyProperty());
        MenuItem quit = item("Quit", null, Shortcuts.QUIT, c.quit);
        return new Menu("_File", null, open, save, reload, new SeparatorMenuItem(), manifest, export, new SeparatorMenuItem(), quit);
    }

    private static Menu servers(Commands c) {
        MenuItem addApp = item("Add application…", Icons.APPLICATION, Shortcuts.ADD_APPLICATION, c::addApplication);
        addApp.disableProperty().bind(c.cannotEdit);
        MenuItem add = item("Add server…", Icons.ADD, Shortcuts.ADD_SERVER, c::addServer);
        add.disableProperty().bind(c.cannotEdit);
        MenuItem importServers = item("Import…", null, Shortcuts.IMPORT, c::importServers);
        importServers.setId("menu-import");
        importServers.disableProperty().bind(c.cannotEdit);
        importServers.setVisible(c.importServers != null);
        MenuItem edit = item("Edit server…", Icons.EDIT, Shortcuts.EDIT_SERVER, c::editServer);
        edit.disableProperty().bind(c.cannotEdit.or(c.noSelection));
        MenuItem remove = item("Remove server", Icons.DELETE, Shortcuts.REMOVE_SERVER, c::removeServer);
        remove.disableProperty().bind(c.cannotEdit.or(c.noSelection));
        MenuItem manifest = item("Edit Manifest.yml", Icons.MANIFEST, Shortcuts.EDIT_MANIFEST, c::editManifest);
        manifest.disableProperty().bind(c.noManifest);
        MenuItem upgrade = item("Upgrade Docker to manifest version…", Icons.UPGRADE, Shortcuts.UPGRADE_DOCKER, c::upgradeDocker);
        upgrade.disableProperty().bind(c.noDockerDrift);
        MenuItem deploy = item("Deploy with options…", Icons.DEPLOY, Shortcuts.DEPLOY, c::deploy);
        deploy.setId("menu-deploy");
        deploy.disableProperty().bind(c.cannotDeploy);
        MenuItem deployApp = item("Deploy to the whole application…", null, Shortcuts.DEPLOY_APPLICATION, c::deployApplication);
        deployApp.disableProperty().bind(c.cannotDeploy);
        MenuItem oneClick = item(DeployWindows.UPGRADE_AND_REBOOT + "…", Icons.UPGRADE_AND_REBOOT, Shortcuts.UPGRADE_AND_REBOOT,
                c::upgradeAndReboot);
        oneClick.setId("menu-upgrade-and-reboot");
        oneClick.disableProperty().bind(c.cannotDeploy);
        MenuItem findPackage = item("Find package…", Icons.SEARCH, Shortcuts.FIND_PACKAGE, c.findPackages);
        findPackage.setId("menu-find-package");
        findPackage.disableProperty().bind(c.fleet.emptyProperty());
        return new Menu("_Servers", null, addApp, manifest, new SeparatorMenuItem(), add, importServers, edit, remove, new SeparatorMenuItem(),
                deploy, deployApp, oneClick, upgrade, new SeparatorMenuItem(), findPackage);
    }

    private static Menu refresh(Commands c) {
        MenuItem shown = item("Refresh", Icons.REFRESH, Shortcuts.REFRESH, () -> c.fleet.refreshShown(false));
        shown.disableProperty().bind(c.cannotRefresh);
        MenuItem selected = item("Refresh selected servers", null, Shortcuts.REFRESH_SELECTED, () -> c.fleet.refreshSelected(false));
        selected.disableProperty().bind(c.cannotRefresh.or(c.noSelection));
        MenuItem lists = item("Refresh with package-list update", Icons.UPDATE_LISTS, Shortcuts.REFRESH_LISTS, () -> c.fleet.refreshShown(true));
        lists.disableProperty().bind(c.cannotRefresh);
        MenuItem cancel = item("Cancel refresh", Icons.CANCEL, Shortcuts.CANCEL_REFRESH, c.fleet::cancelRefresh);
        cancel.disableProperty().bind(c.fleet.refresh().runningProperty().not());
        return new Menu("_Refresh", null, shown, selected, lists, new SeparatorMenuItem(), cancel);
    }

    private static Menu view(Commands c) {
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setId("dark-theme");
        dark.setAccelerator(Shortcuts.DARK_THEME.combination());
        dark.selectedProperty().bindBidirectional(c.theme.darkProperty());
        CheckMenuItem desktop = new CheckMenuItem("Follow the desktop theme");
        desktop.setId("follow-desktop-theme");
        desktop.setSelected(c.theme.choiceProperty().get() == ThemeChoice.DESKTOP);
        c.theme.choiceProperty().addListener((o, was, now) -> desktop.setSelected(now == ThemeChoice.DESKTOP));
        desktop.setOnAction(e -> c.theme.follow(desktop.isSelected()));
        CheckMenuItem attention = new CheckMenuItem("Needs attention only");
        attention.setAccelerator(Shortcuts.ATTENTION_ONLY.combination());
        attention.selectedProperty().bindBidirectional(c.fleet.attentionOnlyProperty());
        MenuItem history = item("Run history", Icons.HISTORY, Shortcuts.HISTORY, c::showRunHistory);
        history.setId("menu-history");
        history.setDisable(c.deploys == null);
        MenuItem find = item("Find…", Icons.SEARCH, Shortcuts.FIND, c::find);
        find.setId("menu-find");
        return new Menu("_View", null, find, attention, history, new SeparatorMenuItem(), dark, desktop);
    }

    private static Menu help(Commands c) {
        MenuItem keys = item("Keyboard shortcuts", null, Shortcuts.HELP_KEYS, () -> KeyboardHelp.show(c.dialogs));
        keys.setId("menu-keyboard-shortcuts");
        return new Menu("_Help", null, keys);
    }

    private static MenuItem item(String text, String icon, Shortcuts.Shortcut shortcut, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : Icons.icon(icon));
        if (shortcut != null) {
            item.setAccelerator(shortcut.combination());
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
