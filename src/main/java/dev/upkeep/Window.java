package dev.upkeep;

import dev.upkeep.fleet.Paths;
import dev.upkeep.fleet.PrivateState;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.PoolConnections;
import dev.upkeep.run.RunHistory;
import dev.upkeep.run.SecretPrompt;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.ui.deploy.RunServices;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.ui.AppServices;
import dev.upkeep.ui.UpkeepApp;

import java.nio.file.Path;

/** Builds the core the window needs and hands it over; the window shuts it down when it closes. */
final class Window {
    private Window() {
    }

    static void open(String[] args) {
        Path workspace = args.length == 2 ? Path.of(args[1]) : Paths.defaultWorkspace();
        SecretPrompt.Late secrets = new SecretPrompt.Late();
        SshStatusService status = SshStatusService.asking(secrets);
        PassphraseProvider passphrases = SshStatusService.passphrases(secrets);
        RunServices runs = RunServices.standard(ws -> new PoolConnections(ws, passphrases), RunHistory.inStateDir());
        UpkeepApp.launchWith(new AppServices(workspace, new WorkspaceStore(), status, status, secrets, runs,
                PrivateState.standard()), new String[0]);
    }
}
