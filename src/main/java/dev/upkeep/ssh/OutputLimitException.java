package dev.upkeep.ssh;

/** A command printed more than its {@link CommandLimits} allow; it was stopped, and what it printed is not trusted. */
public class OutputLimitException extends SshException {
    public OutputLimitException(String server, String message) {
        super(server, message);
    }
}
