package dev.upkeep.cli;

/** What the command line's exit status says: scripts and CI branch on these. */
public final class ExitCodes {
    /** Everything asked for was done (every server answered, every step succeeded). */
    public static final int OK = 0;
    /** It ran, but at least one server did not answer or failed. */
    public static final int SOME_FAILED = 1;
    /** Bad input (workspace, options, names): nothing was run. */
    public static final int BAD_INPUT = 2;
    /** The run was cancelled with Ctrl-C (128 + SIGINT, as shells report it); its summary says what was done. */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
