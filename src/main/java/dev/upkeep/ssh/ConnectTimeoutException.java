package dev.upkeep.ssh;

/**
 * The server did not get through connecting within the connect timeout; {@link #phase()} says where it stalled
 * ("TCP connect", "SSH banner", "key exchange", "authentication").
 */
public class ConnectTimeoutException extends UnreachableException {
    private final String phase;

    public ConnectTimeoutException(String server, String phase, String message, Throwable cause) {
        super(server, message, cause);
        this.phase = phase;
    }

    public String phase() {
        return phase;
    }
}
