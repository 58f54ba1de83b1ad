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
    private static final String SCRIPT = RestartCheck.script() + "\nupkeep_history() {\n" + HistoryRead.script() + "\n}\n"
            + Scripts.load("cache-dir.sh") + Scripts.load("facts-cache.sh");
    /** Part of the server-side cache's key: changed scripts never read answers older ones saved. */
    private static final String ID = StatusProbe.sha256(SCRIPT).substring(0, 16);

    /** What the step learned: either part may say it could not look. */
    public record Result(RestartNeeds restart, SecurityPatchAge age) {
    }

    private PatchFacts() {
    }

    /**
     * The facts as a command of their own (the status refresh sends them with the probe, {@link StatusRoundTrip}): a
     * fixed wrapper; the scripts travel on standard input ({@link #stdin()}).
     */
    public static String command(boolean sudo) {
        return sudo ? Shell.script(launcher(true)) : launcher(false);
    }

    /** Shell text that runs the scripts from standard input: as root under {@code sudo -n} where set up, never asking. */
    static String launcher(boolean sudo) {
        return sudo ? "if [ \"$(id -u)\" != 0 ] && sudo -n true 2>/dev/null; then sudo -n sh -s;"
                + " else sh -s; fi" : "sh -s";
    }

    public static byte[] stdin() {
        return stdin(ProbeCache.USE);
    }

    /** The scripts, answering apt's history from their cache only when {@code cache} is {@link ProbeCache#USE}. */
    public static byte[] stdin(ProbeCache cache) {
        return ("UPKEEP_FACTS_ID=" + ID + "\nUPKEEP_FACTS_CACHE=" + cache.word() + "\n" + SCRIPT)
                .getBytes(StandardCharsets.UTF_8);
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
