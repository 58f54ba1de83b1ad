package dev.upkeep.cli;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.Connections;
import dev.upkeep.run.ManifestUpgradeHooks;
import dev.upkeep.run.PoolConnections;
import dev.upkeep.run.RunHistory;
import dev.upkeep.run.SecretPrompt;
import dev.upkeep.run.UpgradeHooks;

import java.nio.file.Path;

/**
 * What {@code upkeep upgrade} needs from the outside: connections, the sudo prompt, the history folder and the
 * Docker/Weave procedures. Tests replace it with one that points at a temporary state folder.
 */
interface UpgradeServices {
    /** The caller closes what it gets when it is {@link AutoCloseable}. */
    Connections connections(Workspace workspace);

    /** Asks the person for the sudo password (a run asks only when a server's sudo wants one). */
    SecretPrompt sudoPrompt();

    RunHistory history();

    UpgradeHooks hooks();

    UpgradeServices DEFAULT = new UpgradeServices() {
        @Override
        public Connections connections(Workspace workspace) {
            return new PoolConnections(workspace, new ConsolePassphrases());
        }

        @Override
        public SecretPrompt sudoPrompt() {
            return new TerminalPrompt(System.err);
        }

        @Override
        public RunHistory history() {
            return RunHistory.inStateDir();
        }

        @Override
        public UpgradeHooks hooks() {
            return ManifestUpgradeHooks.create();
        }
    };

    /** The default services with the run history kept under {@code stateDir} (the demo fleet's own folder). */
    static UpgradeServices inStateDir(Path stateDir) {
        RunHistory history = new RunHistory(stateDir);
        return new UpgradeServices() {
            @Override
            public Connections connections(Workspace workspace) {
                return DEFAULT.connections(workspace);
            }

            @Override
            public SecretPrompt sudoPrompt() {
                return DEFAULT.sudoPrompt();
            }

            @Override
            public RunHistory history() {
                return history;
            }

            @Override
            public UpgradeHooks hooks() {
                return DEFAULT.hooks();
            }
        };
    }
}
