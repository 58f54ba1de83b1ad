package dev.upkeep.ui.shared;

import javafx.scene.input.KeyCombination;

import java.util.List;
import java.util.Map;

/**
 * Every keyboard shortcut of the main window, written once: the menus take their accelerators from here, the
 * toolbar's tooltips name them, and Help › Keyboard shortcuts lists them. "Shortcut" is Ctrl, or Cmd on macOS.
 * Function keys where desktops agree on them (F1 help, F5 refresh), Shortcut+letter for the rest.
 */
public final class Shortcuts {
    /** One shortcut: what it does, and the keys as {@link KeyCombination} spells them. */
    public record Shortcut(String action, String keys) {
        public KeyCombination combination() {
            return KeyCombination.keyCombination(keys);
        }

        /** As the platform writes it (Ctrl+O here, ⌘O on macOS). */
        public String display() {
            return combination().getDisplayText();
        }
    }

    public static final Shortcut OPEN_WORKSPACE = new Shortcut("Open workspace", "Shortcut+O");
    public static final Shortcut SAVE = new Shortcut("Save the workspace", "Shortcut+S");
    public static final Shortcut RELOAD = new Shortcut("Reload the workspace from disk", "Shortcut+Shift+R");
    public static final Shortcut OPEN_MANIFEST = new Shortcut("Open a manifest file", "Shortcut+Shift+O");
    public static final Shortcut EXPORT_REPORT = new Shortcut("Export the fleet report (HTML, CSV or JSON)", "Shortcut+Shift+E");
    public static final Shortcut QUIT = new Shortcut("Quit", "Shortcut+Q");
    public static final Shortcut ADD_APPLICATION = new Shortcut("Add an application", "Shortcut+Shift+N");
    public static final Shortcut ADD_SERVER = new Shortcut("Add a server", "Shortcut+N");
    public static final Shortcut IMPORT = new Shortcut("Import servers from an inventory", "Shortcut+I");
    public static final Shortcut EDIT_SERVER = new Shortcut("Edit the selected server", "Shortcut+E");
    public static final Shortcut REMOVE_SERVER = new Shortcut("Remove the selected server", "Shortcut+Delete");
    public static final Shortcut EDIT_MANIFEST = new Shortcut("Edit the application's Manifest.yml (manifest editor)", "Shortcut+M");
    public static final Shortcut DEPLOY = new Shortcut("Deploy with options", "Shortcut+D");
    public static final Shortcut DEPLOY_APPLICATION = new Shortcut("Deploy to the whole application", "Shortcut+Shift+D");
    public static final Shortcut UPGRADE_AND_REBOOT = new Shortcut("Upgrade and reboot if required", "Shortcut+U");
    public static final Shortcut UPGRADE_DOCKER = new Shortcut("Upgrade Docker to the manifest's version", "Shortcut+Shift+U");
    public static final Shortcut REFRESH = new Shortcut("Refresh the servers shown", "F5");
    public static final Shortcut REFRESH_SELECTED = new Shortcut("Refresh the selected servers", "Shortcut+R");
    public static final Shortcut REFRESH_LISTS = new Shortcut("Refresh with package-list update", "Shift+F5");
    public static final Shortcut CANCEL_REFRESH = new Shortcut("Cancel the refresh", "Esc");
    public static final Shortcut FIND_PACKAGE = new Shortcut("Find a package on every server", "Shortcut+Shift+F");
    public static final Shortcut FIND = new Shortcut("Find: search names, hosts, OS, versions", "Shortcut+F");
    public static final Shortcut ATTENTION_ONLY = new Shortcut("Show only servers that need attention", "Shortcut+Shift+A");
    public static final Shortcut HISTORY = new Shortcut("Run history", "Shortcut+H");
    public static final Shortcut DARK_THEME = new Shortcut("Switch between the light and dark theme", "Shortcut+Shift+T");
    public static final Shortcut HELP_KEYS = new Shortcut("Keyboard shortcuts (this list)", "F1");
    /** In a run's window, not the main one: a run is never cancelled by a stray Esc. */
    public static final Shortcut CANCEL_RUN = new Shortcut("Cancel the run (in its window)", "Shortcut+Period");

    /** Everything the main window's menus carry, in menu order. */
    public static final List<Shortcut> MENUS = List.of(OPEN_WORKSPACE, SAVE, RELOAD, OPEN_MANIFEST, EXPORT_REPORT, QUIT, ADD_APPLICATION, EDIT_MANIFEST,
            ADD_SERVER, IMPORT, EDIT_SERVER, REMOVE_SERVER, DEPLOY, DEPLOY_APPLICATION, UPGRADE_AND_REBOOT, UPGRADE_DOCKER, FIND_PACKAGE, REFRESH,
            REFRESH_SELECTED, REFRESH_LISTS, CANCEL_REFRESH, FIND, ATTENTION_ONLY, HISTORY, DARK_THEME, HELP_KEYS);

    /** The toolbar's controls by id, each with the menu shortcut that does the same. */
    public static final Map<String, Shortcut> TOOLBAR = Map.ofEntries(Map.entry("refresh", REFRESH), Map.entry("refresh-lists", REFRESH_LISTS),
            Map.entry("cancel-refresh", CANCEL_REFRESH), Map.entry("add-server", ADD_SERVER), Map.entry("edit-server", EDIT_SERVER),
            Map.entry("deploy", DEPLOY), Map.entry("upgrade-and-reboot", UPGRADE_AND_REBOOT), Map.entry("edit-manifest", EDIT_MANIFEST),
            Map.entry("attention-only", ATTENTION_ONLY), Map.entry("search", FIND));

    /** Keys inside the server table (the list and the table are reached with Tab). */
    public static final List<Shortcut> TABLE = List.of(
            new Shortcut("Move between rows", "Up"),
            new Shortcut("Select more rows", "Shift+Down"),
            new Shortcut("Move the focus without selecting", "Shortcut+Down"),
            new Shortcut("Add or remove the row in focus from the selection", "Space"),
            new Shortcut("Edit the server in focus", "Enter"),
            new Shortcut("Open the row's menu (or the context-menu key)", "Shift+F10"),
            new Shortcut("From the search field, go to the table", "Down"));

    private Shortcuts() {
    }
}
