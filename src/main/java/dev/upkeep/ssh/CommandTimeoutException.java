package dev.upkeep.ssh;

/**
 * A command was stopped by its {@link CommandLimits}: no output for the idle bound, or not finished in its overall
 * time. Its process was signalled and its channel closed; the connection itself may still be fine.
 */
public class CommandTimeoutException extends SshException {
    private final String reason;

    public CommandTimeoutException(String server, String reason, String command) {
        super(server, reason + "; stopped (while running: " + brief(command) + ")");
        this.reason = reason;
    }

    /** "no output for 30 s", "did not finish within 2 s": without the server or the command. */
    public String reason() {
        return reason;
    }

    /** A command as messages quote it: its first line, cut short (a whole script helps nobody there). */
    static String brief(String command) {
        String first = command.strip().lines().findFirst().orElse("");
        boolean cut = first.length() > 100 || command.strip().contains("\n");
        return (first.length() > 100 ? first.substring(0, 100) : first) + (cut ? " …" : "");
    }
}
