package dev.upkeep.remote;

import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.SecurityPatchAge;
import dev.upkeep.history.PatchHistory;
import dev.upkeep.history.PatchHistoryMerge;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The status refresh's second step, in one round trip: the restart check (what still runs replaced libraries, the
 * kernels) and the last security upgrade from apt's recent history. It runs as root where it can: directly when the
 * login user is root, under passwordless sudo ({@code sudo -n}, never asking) for servers with {@code sudo: true}, else
 * as the login user, and then the restart check says it cannot look.
 */
public final class PatchFacts {
    private static final String HISTORY_MARK = "@@upkeep-history ";

    /** What the step learned: either part may say it could not look. */
    public record Result(RestartNeeds restart, SecurityPatchAge age) {
    }

    private PatchFacts() {
    }

    /** The command line: a fixed wrapper; the scripts travel on standard input ({@link #stdin()}). */
    public static String command(boolean sudo) {
        return sudo ? Shell.script("if [ \"$(id -u)\" != 0 ] && sudo -n true 2>/dev/null; then exec sudo -n sh -s;"
                + " else exec sh -s; fi") : "sh -s";
    }

    public static byte[] stdin() {
        return (RestartCheck.script() + "\nset -- recent 0\n" + HistoryRead.script()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param sudo  the server is set up for sudo (for the message when the check ran unprivileged)
     * @param cut   the output was cut at its size limit (the history part is then partial)
     */
    public static Result parse(String server, List<String> lines, boolean sudo, boolean cut) {
        int mark = 0;
        while (mark < lines.size() && !lines.get(mark).startsWith(HISTORY_MARK)) {
            mark++;
        }
        RestartNeeds restart = RestartCheck.parse(lines.subList(0, mark), sudo
                ? "cannot look without sudo: sudo asks this login user for a password (Restart services… asks for it)"
                : "cannot look without sudo: only root sees which processes use replaced libraries (set 'sudo: true'"
                + " for this server, or log in as root)");
        HistoryRead.Reader reader = HistoryRead.reader();
        lines.subList(mark, lines.size()).forEach(reader::line);
        ServerLogs logs = reader.finish(cut);
        PatchHistory history = PatchHistoryMerge.merge(server, logs.apt(), logs.unattended(), logs.upkeepJobs(),
                logs.logsSince(), logs.notes());
        return new Result(restart, history.lastSecurityUpgrade()
                .map(e -> new SecurityPatchAge(e.end() != null ? e.end() : e.start(), logs.logsSince(), e.startedBy()))
                .orElse(new SecurityPatchAge(null, logs.logsSince(), null)));
    }

}
