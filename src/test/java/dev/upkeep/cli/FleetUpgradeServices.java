package dev.upkeep.cli;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.Connections;
import dev.upkeep.run.PoolConnections;
import dev.upkeep.run.RunHistory;
import dev.upkeep.run.SecretPrompt;
import dev.upkeep.run.UpgradeHooks;
import dev.upkeep.ssh.PassphraseProvider;

import java.nio.file.Path;

/** The upgrade command's services for tests on the fleet: real connections, no sudo password, history in a temp dir. */
final class FleetUpgradeServices implements UpgradeServices {
    private final Path state;
    private final UpgradeHooks hooks;

    FleetUpgradeServices(Path state, UpgradeHooks hooks) {
        this.state = state;
        this.hooks = hooks;
    }

    @Override
    public Connections connections(Workspace workspace) {
        return new PoolConnections(workspace, PassphraseProvider.NONE);
    }

    @Override
    public SecretPrompt sudoPrompt() {
        return (title, question) -> null;
    }

    @Override
    public RunHistory history() {
        return new RunHistory(state);
    }

    @Override
    public UpgradeHooks hooks() {
        return hooks;
    }
}
