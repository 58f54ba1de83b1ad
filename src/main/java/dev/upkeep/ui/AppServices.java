package dev.upkeep.ui;

import dev.upkeep.fleet.PrivateState;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.StatusService;

import dev.upkeep.run.SecretPrompt;
import dev.upkeep.ui.deploy.RunServices;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the launcher hands to the window before JavaFX starts: the workspace to open, the core services, and
 * what to close when the window goes away (SSH connections, executors of the core).
 *
 * @param runs         what deploys need (plans, connections, history); null: the window offers no deploys
 * @param privateState Upkeep's own folders, made private when the window opens (a notice says so); null: none
 */
public record AppServices(Path workspaceFile, WorkspaceStore store, StatusService statusService, AutoCloseable shutdown,
                          SecretPrompt.Late secrets, RunServices runs, PrivateState privateState) {
    public AppServices {
        Objects.requireNonNull(workspaceFile, "workspaceFile");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(statusService, "statusService");
        shutdown = shutdown == null ? () -> { } : shutdown;
        secrets = secrets == null ? new SecretPrompt.Late() : secrets;
    }

    public AppServices(Path workspaceFile, WorkspaceStore store, StatusService statusService, AutoCloseable shutdown,
                       SecretPrompt.Late secrets, RunServices runs) {
        this(workspaceFile, store, statusService, shutdown, secrets, runs, null);
    }

    public AppServices(Path workspaceFile, WorkspaceStore store, StatusService statusService, AutoCloseable shutdown,
                       SecretPrompt.Late secrets) {
        this(workspaceFile, store, statusService, shutdown, secrets, null);
    }

    public AppServices(Path workspaceFile, WorkspaceStore store, StatusService statusService, AutoCloseable shutdown) {
        this(workspaceFile, store, statusService, shutdown, null, null);
    }
}
