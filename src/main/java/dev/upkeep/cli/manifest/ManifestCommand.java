package dev.upkeep.cli.manifest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code upkeep manifest validate|get|set}: Manifest.yml from the command line, offline, no workspace needed.
 * Exit codes: 0 fine, 1 warnings only (validate), 2 errors, refusal or unreadable file.
 */
@Command(name = "manifest", mixinStandardHelpOptions = true,
        description = "Check, read and edit an application's Manifest.yml (offline; comments and layout are kept).",
        subcommands = {ValidateCommand.class, GetCommand.class, SetCommand.class})
public class ManifestCommand implements Runnable {
    /** Exit code: everything fine. */
    public static final int OK = 0;
    /** Exit code: only warnings (validate). */
    public static final int WARNINGS = 1;
    /** Exit code: errors, a refused edit, or a file that cannot be read. */
    public static final int ERRORS = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
