package dev.upkeep.inventory;

import java.nio.file.Path;

/** An inventory or ssh_config that cannot be imported as it is; the message names the file and, where known, the line. */
public class InventoryException extends Exception {
    private final Path file;
    private final int line;

    public InventoryException(Path file, int line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
    }

    private static String format(Path file, int line, String problem) {
        String where = file == null ? "inventory" : file.toString();
        return line > 0 ? where + ":" + line + ": " + problem : where + ": " + problem;
    }

    public Path file() {
        return file;
    }

    /** 1-based, or 0 when the problem is not tied to one line. */
    public int line() {
        return line;
    }
}
