package dev.upkeep;

import dev.upkeep.fleet.Paths;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.SecretPrompt;
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
        UpkeepApp.launchWith(new AppServices(workspace, new WorkspaceStore(), status, status, secrets), new String[0]);
    }
}
