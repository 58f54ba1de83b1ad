package dev.upkeep.remote;

/**
 * Refreshing a server's package lists ({@code apt-get update}) before a status probe, so that pending counts are
 * current. The stamp tells the status probe when the lists were last fetched, even when no Release file changed.
 */
public final class PackageLists {
    /** What the refresh is called in messages about a stopped command. */
    public static final String STEP = "apt-get update";

    static final String UPDATE = "apt-get -q update && mkdir -p /var/lib/apt/periodic"
            + " && touch /var/lib/apt/periodic/update-success-stamp";

    private PackageLists() {
    }

    /** The command line, through sudo when the server needs it. */
    public static String updateCommand(boolean sudo) {
        return Shell.privileged(sudo, UPDATE);
    }

    /** The message for a refresh that exited non-zero; {@code lastError} is its last stderr line or null. */
    public static String failure(int exitStatus, String lastError, boolean sudo) {
        return "apt-get update failed (exit " + exitStatus + ")" + (lastError == null ? "" : ": " + lastError)
                + (sudo ? "" : " — does this server need 'sudo: true'?");
    }
}
