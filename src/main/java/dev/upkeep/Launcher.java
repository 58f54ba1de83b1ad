package dev.upkeep;

import dev.upkeep.cli.ConsolePassphrases;
import dev.upkeep.cli.UpkeepCommand;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.SshStatusService;

/**
 * The one entry point (not a JavaFX Application, so the plain classpath needs no module flags): no arguments, or only
 * {@code --workspace FILE}, opens the window; anything else is the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (opensWindow(args)) {
            Window.open(args);
            return;
        }
        int exit;
        try (SshStatusService status = new SshStatusService(new ConsolePassphrases())) {
            exit = UpkeepCommand.commandLine(new UpkeepCommand(new WorkspaceStore(), () -> status)).execute(args);
        }
        System.exit(exit);
    }

    static boolean opensWindow(String[] args) {
        return args.length == 0 || args.length == 2 && args[0].equals("--workspace");
    }
}
