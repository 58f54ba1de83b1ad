package dev.upkeep.inventory;

import java.nio.file.Path;

/** A place in a file, for messages: "file:line". */
record Where(Path file, int line) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : String.valueOf(file);
    }

    InventoryException error(String problem) {
        return new InventoryException(file, line, problem);
    }
}
