package dev.upkeep.ui;

import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.StatusService;

import dev.upkeep.run.SecretPrompt;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the launcher hands to the window before JavaFX starts: the workspace to open, the core services, and
 * what to close when the window goes away (SSH connections, executors of the core).
 */
public record AppServices(Path workspaceFile, WorkspaceStore store, StatusService statusService, AutoCloseable shutdown,
                          SecretPrompt.Late secrets) {
    public AppServices {
        Objects.requireNonNull(workspaceFile, "workspaceFile");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(statusService, "statusService");
        shutdown = shutdown == null ? () -> { } : shutdown;
        secrets = secrets == null ? new SecretPrompt.Late() : secrets;
    }

    public AppServices(Path workspaceFile, WorkspaceStore store, StatusService statusService, AutoCloseable shutdown) {
        this(workspaceFile, store, statusService, shutdown, null);
    }
}
