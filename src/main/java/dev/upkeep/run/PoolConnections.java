package dev.upkeep.run;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.ssh.ConnectionPool;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshConnector;
import dev.upkeep.ssh.SshException;

/** The real connections of a workspace: one connector and pool, with its SSH settings (known_hosts, config). */
public final class PoolConnections implements Connections, AutoCloseable {
    private final ConnectionPool pool;

    public PoolConnections(Workspace workspace, PassphraseProvider passphrases) {
        this.pool = new ConnectionPool(new SshConnector(SshSettings.options(workspace), passphrases));
    }

    @Override
    public SshConnection get(ServerPlan server) throws SshException {
        return pool.get(server.request());
    }

    @Override
    public void evict(ServerPlan server) {
        pool.evict(server.request());
    }

    @Override
    public void close() {
        pool.close();
    }
}
