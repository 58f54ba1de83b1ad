package dev.upkeep.fleet;

import java.nio.file.Path;

/** A workspace that cannot be used as it is; the message names the file and, where known, the line. */
public class WorkspaceException extends Exception {
    private final Path file;
    private final int line;

    public WorkspaceException(Path file, int line, String problem, Throwable cause) {
        super(format(file, line, problem), cause);
        this.file = file;
        this.line = line;
    }

    public WorkspaceException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    private static String format(Path file, int line, String problem) {
        String where = file == null ? "workspace" : file.toString();
        return line > 0 ? where + ":" + line + ": " + problem : where + ": " + problem;
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is not tied to one line. */
    public int line() {
        return line;
    }
}
