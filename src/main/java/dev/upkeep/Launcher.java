package dev.upkeep;

import dev.upkeep.cli.ConsolePassphrases;
import dev.upkeep.cli.UpkeepCommand;
import dev.upkeep.fleet.PrivateState;
import dev.upkeep.run.ManifestServers;
import dev.upkeep.run.SshStatusService;

/**
 * The one entry point (not a JavaFX Application, so the plain classpath needs no module flags): no arguments, or only
 * {@code --workspace FILE}, opens the window; anything else is the command line. {@code --demo} first starts the
 * demo fleet and runs either against it.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        java.util.List<String> list = new java.util.ArrayList<>(java.util.List.of(args));
        if (list.remove("--demo")) {
            java.io.PrintWriter out = new java.io.PrintWriter(System.out, true);
            java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
            int exit = DemoLaunch.run(list, out, err);
            out.flush();
            err.flush();
            System.exit(exit);
        }
        if (opensWindow(args)) {
            if (java.util.List.of(args).contains("--dark")) System.setProperty("upkeep.theme", "dark");
            Window.open(java.util.Arrays.stream(args).filter(a -> !a.equals("--dark")).toArray(String[]::new));
            return;
        }
        int exit;
        try (SshStatusService status = new SshStatusService(new ConsolePassphrases())) {
            exit = UpkeepCommand.commandLine(new UpkeepCommand(ManifestServers.store(), () -> status)
                    .withPrivateState(PrivateState.standard())).execute(args);
        }
        System.exit(exit);
    }

    /** No command: the window ({@code --dark} starts it in the dark theme). */
    static boolean opensWindow(String[] args) {
        java.util.List<String> rest = new java.util.ArrayList<>(java.util.List.of(args));
        rest.remove("--dark");
        return rest.isEmpty() || rest.size() == 2 && rest.get(0).equals("--workspace");
    }
}
