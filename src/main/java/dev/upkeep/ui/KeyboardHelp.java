package dev.upkeep.ui;

import dev.upkeep.ui.shared.DialogService;
import dev.upkeep.ui.shared.Shortcuts;

import java.util.List;

/** Help › Keyboard shortcuts: the list, as the platform writes the keys (Ctrl here, ⌘ on macOS). */
final class KeyboardHelp {
    static final String TITLE = "Keyboard shortcuts";

    private KeyboardHelp() {
    }

    static void show(DialogService dialogs) {
        dialogs.showInfo(TITLE, text());
    }

    static String text() {
        StringBuilder b = new StringBuilder();
        section(b, "Main window", Shortcuts.MENUS);
        section(b, "Run window", List.of(Shortcuts.CANCEL_RUN));
        section(b, "Server table (Tab moves between the application list, the table and the details)", Shortcuts.TABLE);
        return b.toString().strip();
    }

    private static void section(StringBuilder b, String title, List<Shortcuts.Shortcut> shortcuts) {
        b.append(title).append('\n');
        for (Shortcuts.Shortcut s : shortcuts) {
            b.append(String.format("  %-16s %s%n", s.display(), s.action()));
        }
        b.append('\n');
    }
}
