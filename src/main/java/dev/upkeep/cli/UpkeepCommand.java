package dev.upkeep.cli;

import dev.upkeep.cli.manifest.ManifestCommand;
import dev.upkeep.fleet.Paths;
import dev.upkeep.fleet.PrivateState;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceException;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.StatusService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The top of the command line: global options, and the services the sub-commands share. */
@Command(name = "upkeep", mixinStandardHelpOptions = true, version = "upkeep 0.1.0",
        description = "Keep Ubuntu/Debian servers patched over plain SSH. Without a command, opens the window.",
        subcommands = {StatusCommand.class, TrustCommand.class, ManifestCommand.class, UpgradeCommand.class, RebootCommand.class,
                PackagesCommand.class, RestartServicesCommand.class, ReportCommand.class, HistoryCommand.class,
                ImportCommand.class, ExportCommand.class},
        exitCodeOnInvalidInput = ExitCodes.BAD_INPUT, exitCodeOnExecutionException = ExitCodes.BAD_INPUT)
public final class UpkeepCommand {
    @Option(names = "--workspace", paramLabel = "FILE",
            description = "Workspace file (default: ${DEFAULT-VALUE}).")
    Path workspace = Paths.defaultWorkspace();

    private final WorkspaceStore store;
    /** Where runs are recorded; null: the user's state directory (XDG). */
    private Path stateDir;
    private final Supplier<? extends StatusService> statusServices;
    private StatusService statusService;
    private PrivateState privateState;

    public UpkeepCommand(WorkspaceStore store, Supplier<? extends StatusService> statusServices) {
        this.store = store;
        this.statusServices = statusServices;
    }

    /** A command line with this project's conventions: exit 2 for bad input, errors without stack traces. */
    public static CommandLine commandLine(UpkeepCommand command) {
        CommandLine cl = new CommandLine(command);
        addHelp(cl);
        cl.setExecutionStrategy(parse -> {
            command.tightenPrivateState(cl.getErr());
            return new CommandLine.RunLast().execute(parse);
        });
        cl.setExecutionExceptionHandler((e, line, parse) -> {
            line.getErr().println("upkeep: " + e.getMessage());
            return e instanceof BadInputException || e instanceof WorkspaceException ? ExitCodes.BAD_INPUT : ExitCodes.SOME_FAILED;
        });
        return cl;
    }

    /** Every sub-command answers --help (and the manifest ones too). */
    private static void addHelp(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            addHelp(sub);
        }
    }

    /** Upkeep's own folders, made private before any command runs (the launcher passes the real ones; tests, none). */
    public UpkeepCommand withPrivateState(PrivateState state) {
        this.privateState = state;
        return this;
    }

    private void tightenPrivateState(PrintWriter err) {
        if (privateState == null) {
            return;
        }
        privateState.tighten().forEach(notice -> err.println("upkeep: " + notice));
        err.flush();
    }

    WorkspaceStore store() {
        return store;
    }

    Workspace workspace() throws WorkspaceException {
        Workspace ws = store.load(workspace);
        if (ws.applications().isEmpty() && !Files.exists(workspace)) {
            throw new WorkspaceException(workspace, 0, "no such workspace file (create it, or start the window to add servers)");
        }
        return ws;
    }

    private BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    /** Where answers to questions come from (standard input; a test may hand in its own). */
    BufferedReader input() {
        return input;
    }

    public UpkeepCommand withInput(BufferedReader in) {
        this.input = in;
        return this;
    }

    /** Records runs under {@code dir} instead of the user's state directory (the demo fleet keeps its own history). */
    public UpkeepCommand withStateDir(Path dir) {
        this.stateDir = dir;
        return this;
    }

    UpgradeServices upgradeServices() {
        return stateDir == null ? UpgradeServices.DEFAULT : UpgradeServices.inStateDir(stateDir);
    }

    synchronized StatusService statusService() {
        if (statusService == null) {
            statusService = statusServices.get();
        }
        return statusService;
    }
}
