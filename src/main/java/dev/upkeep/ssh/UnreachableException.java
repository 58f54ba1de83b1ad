package dev.upkeep.ssh;

/** The server could not be reached at all: unknown host name, connection refused, timeout, no route. */
public class UnreachableException extends SshException {
    public UnreachableException(String server, String message, Throwable cause) {
        super(server, message, cause);
    }
}
