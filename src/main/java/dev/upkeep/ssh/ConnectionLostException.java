package dev.upkeep.ssh;

/** An established connection broke (server went away, network died, keep-alive unanswered). */
public class ConnectionLostException extends SshException {
    public ConnectionLostException(String server, String message, Throwable cause) {
        super(server, message, cause);
    }
}
