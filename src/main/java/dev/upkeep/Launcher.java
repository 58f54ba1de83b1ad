package dev.upkeep;

import dev.upkeep.base.ProcessAge;
import dev.upkeep.cli.ConsolePassphrases;
import dev.upkeep.cli.UpkeepCommand;
import dev.upkeep.fleet.PrivateState;
import dev.upkeep.run.ManifestServers;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.ssh.kex.KexWarmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The one entry point (not a JavaFX Application, so the plain classpath needs no module flags): no arguments, or only
 * {@code --workspace FILE}, opens the window; anything else is the command line. {@code --demo} first starts the
 * demo fleet and runs either against it.
 */
public final class Launcher {
    /** Where a cold command spends its time (bench/where-time-goes reads it); off unless asked for. */
    private static final Logger TIMING = LoggerFactory.getLogger("dev.upkeep.timing");
    /** Commands that open SSH connections; their key exchange code is warmed while the command starts. */
    private static final Set<String> CONNECTING = Set.of("status", "trust", "upgrade", "reboot", "packages",
            "restart-services", "report", "history");
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version", "help");

    private Launcher() {
    }

    public static void main(String[] args) {
        List<String> list = new ArrayList<>(List.of(args));
        if (list.remove("--demo")) {
            PrintWriter out = new PrintWriter(System.out, true);
            PrintWriter err = new PrintWriter(System.err, true);
            int exit = DemoLaunch.run(list, out, err);
            out.flush();
            err.flush();
            System.exit(exit);
        }
        if (opensWindow(args)) {
            if (List.of(args).contains("--dark")) {
                System.setProperty("upkeep.theme", "dark");
            }
            Window.open(Arrays.stream(args).filter(a -> !a.equals("--dark")).toArray(String[]::new));
            return;
        }
        if (connects(args)) {
            KexWarmup.start();
        }
        sinceProcessStart("main");
        int exit;
        try (SshStatusService status = SshStatusService.forOneCommand(new ConsolePassphrases())) {
            exit = UpkeepCommand.commandLine(new UpkeepCommand(ManifestServers.store(), () -> status)
                    .withPrivateState(PrivateState.standard())).execute(args);
        }
        sinceProcessStart("exit");
        System.exit(exit);
    }

    /** Milliseconds from the process's start ({@link ProcessAge}, 10 ms steps) to this point of a command-line run. */
    private static void sinceProcessStart(String point) {
        if (TIMING.isDebugEnabled()) {
            ProcessAge.now().ifPresent(age -> TIMING.debug("process start to {}: {} ms", point, age.toMillis()));
        }
    }

    /** A command that will connect to servers (not its help, not the window). */
    static boolean connects(String[] args) {
        List<String> all = List.of(args);
        return all.stream().anyMatch(CONNECTING::contains) && all.stream().noneMatch(HELP::contains);
    }

    /** No command: the window ({@code --dark} starts it in the dark theme). */
    static boolean opensWindow(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        rest.remove("--dark");
        return rest.isEmpty() || rest.size() == 2 && rest.get(0).equals("--workspace");
    }
}
