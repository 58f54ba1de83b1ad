package dev.upkeep.ui.shared.logs;

/**
 * One line of a server's log as the pane shows it.
 *
 * @param error true for the server's standard error (shown with an icon and its own style, not colour alone)
 */
public record LogLine(String text, boolean error) {
    public LogLine {
        if (text == null) {
            text = "";
        }
    }

    public static LogLine out(String text) {
        return new LogLine(text, false);
    }

    public static LogLine err(String text) {
        return new LogLine(text, true);
    }
}
