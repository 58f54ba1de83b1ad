package dev.upkeep.remote;

/** A remote procedure's output that cannot be understood. */
public class ProbeException extends RuntimeException {
    public ProbeException(String message) {
        super(message);
    }
}
