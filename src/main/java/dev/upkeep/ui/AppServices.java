package dev.upkeep.ui;

import dev.upkeep.fleet.PrivateState;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.SecretPrompt;
import dev.upkeep.run.StatusService;
import dev.upkeep.ui.deploy.RunServices;
import dev.upkeep.windowstate.WindowMemory;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the launcher hands to the window before JavaFX starts: the workspace to open, the core services, and
 * what to close when the window goes away (SSH connections, executors of the core).
 *
 * @param runs         what deploys need (plans, connections, history); null: the window offers no deploys
 * @param privateState Upkeep's own folders, made private when the window opens (a notice says so); null: none
 * @param demo         how the window offers or shows the demo fleet
 * @param memory       the window's size, dividers, columns, theme and last workspace between starts; null: none kept
 */
public record AppServices(Path workspaceFile, WorkspaceStore store, StatusService statusService, AutoCloseable shutdown,
                          SecretPrompt.Late secrets, RunServices runs, PrivateState privateState, DemoHooks demo,
                          WindowMemory memory) {
    public AppServices {
        Objects.requireNonNull(workspaceFile, "workspaceFile");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(statusService, "statusService");
        shutdown = shutdown == null ? () -> { } : shutdown;
        secrets = secrets == null ? new SecretPrompt.Late() : secrets;
        demo = demo == null ? DemoHooks.NONE : demo;
    }

    public AppServices(Path workspaceFile, WorkspaceStore store, StatusService statusService, AutoCloseable shutdown,
                       SecretPrompt.Late secrets, RunServices runs, PrivateState privateState, DemoHooks demo) {
        this(workspaceFile, store, statusService, shutdown, secrets, runs, privateState, demo, null);
    }

    public AppServices(Path workspaceFile, WorkspaceStore store, StatusService statusService, AutoCloseable shutdown,
                       SecretPrompt.Late secrets, RunServices runs, PrivateState privateState) {
        this(workspaceFile, store, statusService, shutdown, secrets, runs, privateState, null);
    }

    public AppServices(Path workspaceFile, WorkspaceStore store, StatusService statusService, AutoCloseable shutdown,
                       SecretPrompt.Late secrets, RunServices runs, DemoHooks demo) {
        this(workspaceFile, store, statusService, shutdown, secrets, runs, null, demo);
    }

    public AppServices(Path workspaceFile, WorkspaceStore store, StatusService statusService, AutoCloseable shutdown,
                       SecretPrompt.Late secrets, RunServices runs) {
        this(workspaceFile, store, statusService, shutdown, secrets, runs, null, null);
    }

    public AppServices(Path workspaceFile, WorkspaceStore store, StatusService statusService, AutoCloseable shutdown,
                       SecretPrompt.Late secrets) {
        this(workspaceFile, store, statusService, shutdown, secrets, null, null, null);
    }

    public AppServices(Path workspaceFile, WorkspaceStore store, StatusService statusService, AutoCloseable shutdown) {
        this(workspaceFile, store, statusService, shutdown, null, null, null, null);
    }

    public AppServices withDemo(DemoHooks hooks) {
        return new AppServices(workspaceFile, store, statusService, shutdown, secrets, runs, privateState, hooks, memory);
    }

    public AppServices withMemory(WindowMemory windowMemory) {
        return new AppServices(workspaceFile, store, statusService, shutdown, secrets, runs, privateState, demo, windowMemory);
    }
}
