package dev.upkeep.ssh;

/**
 * A command was stopped by its {@link CommandLimits}: no output for the idle bound, or not finished in its overall
 * time. Its process was signalled and its channel closed; the connection itself may still be fine.
 */
public class CommandTimeoutException extends SshException {
    public CommandTimeoutException(String server, String message) {
        super(server, message);
    }
}
