package dev.upkeep.ssh;

import java.io.IOException;

/**
 * Anything that stops Upkeep from reaching a server or running a command there. Messages are meant for
 * the user and name the server; subclasses say which kind of trouble it was.
 */
public class SshException extends IOException {
    private final String server;

    public SshException(String server, String message) {
        this(server, message, null);
    }

    public SshException(String server, String message, Throwable cause) {
        super(server + ": " + message, cause);
        this.server = server;
    }

    /** The server as the caller named it (workspace host or config alias, with the address when different). */
    public String server() {
        return server;
    }
}
