package dev.upkeep.ssh;

/** The command was cancelled through its {@link Cancellation}; its channel has been closed. */
public class CommandCancelledException extends SshException {
    public CommandCancelledException(String server, String command) {
        super(server, "cancelled: " + command);
    }
}
