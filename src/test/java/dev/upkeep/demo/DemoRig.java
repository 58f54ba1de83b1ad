package dev.upkeep.demo;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.ssh.SshConnector;

/** The demo fleet at instant pace with Upkeep's real status service and connector over its SSH, for a test class. */
record DemoRig(DemoFleet fleet, SshStatusService status, SshConnector connector, Workspace ws) implements AutoCloseable {
    static DemoRig start() throws Exception {
        DemoFleet fleet = DemoFleet.start(DemoPace.instant());
        return new DemoRig(fleet, new SshStatusService(), DemoContext.connector(fleet),
                new WorkspaceStore().load(fleet.workspaceFile()));
    }

    @Override
    public void close() {
        connector.close();
        status.close();
        fleet.close();
    }
}
