package dev.upkeep.export;

/** The workspace or the options cannot be expressed as a playbook; the message says which and nothing was written. */
public final class ExportException extends Exception {
    public ExportException(String message) {
        super(message);
    }
}
