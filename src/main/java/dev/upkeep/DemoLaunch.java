package dev.upkeep;

import dev.upkeep.cli.ConsolePassphrases;
import dev.upkeep.cli.ExitCodes;
import dev.upkeep.cli.UpkeepCommand;
import dev.upkeep.demo.DemoFleet;
import dev.upkeep.demo.DemoPace;
import dev.upkeep.run.ManifestServers;
import dev.upkeep.run.SshStatusService;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code upkeep --demo …}: the demo fleet starts in this process first, then the window or the command runs against
 * its workspace, exactly as against real servers. The demo always brings its own workspace and history.
 */
final class DemoLaunch {
    static final String NOTICE = "upkeep: demo fleet (simulated servers on 127.0.0.1)";

    private DemoLaunch() {
    }

    /** @param args the command line without {@code --demo} */
    static int run(List<String> args, PrintWriter out, PrintWriter err) {
        List<String> rest = new ArrayList<>(args);
        boolean dark = rest.remove("--dark");
        boolean smoke = rest.remove("--smoke-test");
        if (rest.contains("--workspace") || rest.stream().anyMatch(a -> a.startsWith("--workspace="))) {
            err.println("upkeep: --demo brings its own workspace: leave out --workspace");
            return ExitCodes.BAD_INPUT;
        }
        if (rest.isEmpty()) {
            return Window.openDemo(dark, smoke, err);
        }
        if (smoke) {
            err.println("upkeep: --smoke-test runs in the window: give it no command");
            return ExitCodes.BAD_INPUT;
        }
        return commandLine(rest, out, err);
    }

    private static int commandLine(List<String> args, PrintWriter out, PrintWriter err) {
        err.println(NOTICE);
        err.flush();
        DemoFleet fleet;
        try {
            fleet = DemoFleet.start(DemoPace.fromProperty(DemoPace.brisk()));
        } catch (IOException | RuntimeException e) {
            err.println("upkeep: the demo fleet could not start: " + e.getMessage());
            return ExitCodes.SOME_FAILED;
        }
        try (fleet; SshStatusService status = SshStatusService.forOneCommand(new ConsolePassphrases())) {
            List<String> full = new ArrayList<>(List.of("--workspace", fleet.workspaceFile().toString()));
            full.addAll(args);
            CommandLine cl = UpkeepCommand.commandLine(new UpkeepCommand(ManifestServers.store(), () -> status)
                    .withStateDir(fleet.stateDir()));
            cl.setOut(out);
            cl.setErr(err);
            return cl.execute(full.toArray(String[]::new));
        }
    }
}
