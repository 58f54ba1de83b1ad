package dev.upkeep.run;

import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;

/** Where a run gets its servers' connections; a lost one is evicted so that the next get reconnects. */
public interface Connections {
    SshConnection get(ServerPlan server) throws SshException;

    void evict(ServerPlan server);
}
