package dev.upkeep.inventory;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceException;
import dev.upkeep.fleet.WorkspaceStore;

import java.io.IOException;

/**
 * Writes an import into the workspace file: the new workspace is formatted and read back as the file would be
 * (so nothing the workspace refuses is ever written), then saved atomically (a crash leaves the old file; a new
 * file is private). The file is not touched when any step fails.
 */
public final class ImportWriter {
    private ImportWriter() {
    }

    /** @return the workspace as saved */
    public static Workspace save(WorkspaceStore store, Workspace current, ImportPreview preview) throws IOException, WorkspaceException {
        Workspace next = preview.apply(current);
        store.parse(store.format(next), current.file());
        store.save(next);
        return next;
    }
}
