package dev.upkeep.ssh;

/** A command printed more than its {@link CommandLimits} allow; it was stopped, and what it printed is not trusted. */
public class OutputLimitException extends SshException {
    private final String reason;

    public OutputLimitException(String server, String reason, String command) {
        super(server, reason + "; stopped (while running: " + CommandTimeoutException.brief(command) + ")");
        this.reason = reason;
    }

    /** "printed more than 4.2 MB of output": without the server or the command. */
    public String reason() {
        return reason;
    }
}
