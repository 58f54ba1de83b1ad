package dev.upkeep.manifest;

import java.util.Objects;

/**
 * One finding about a manifest, located in the text.
 *
 * @param line    1-based line
 * @param column  1-based column (in characters of that line)
 * @param path    dotted key path of the value concerned, or "" when the problem is not about one value
 */
public record Problem(Severity severity, int line, int column, String message, String path) {
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        path = path == null ? "" : path;
        line = Math.max(1, line);
        column = Math.max(1, column);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "file:line:column: error: message", the shape compilers use, so editors can jump to it. */
    public String format(String fileName) {
        return fileName + ":" + line + ":" + column + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
