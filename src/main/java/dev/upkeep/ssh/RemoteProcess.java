package dev.upkeep.ssh;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets Upkeep end a remote command that its limits stopped. sshd refuses "signal" requests for root logins (no
 * privilege separation after a root login), and closing the channel ends nothing that does not write; so each
 * command first tells its process group (sshd makes every session a group of its own) on its first stderr line,
 * which Upkeep takes out of the output, and a stopped command's group is killed from a second session.
 */
final class RemoteProcess {
    static final String MARKER = "@@upkeep-pgid ";
    private static final Pattern PGID = Pattern.compile(Pattern.quote(MARKER) + "([1-9][0-9]{0,9})");

    private RemoteProcess() {
    }

    /**
     * {@code command} as the login shell gets it: whatever that shell is, it execs sh (keeping the pid, which is
     * the group id), sh reports {@code $$} and execs the command, so exit status and signals are the command's.
     */
    static String wrap(String command) {
        return "exec sh -c " + quote("printf '" + MARKER + "%s\\n' \"$$\" >&2; exec sh -c \"$1\"") + " upkeep "
                + quote(command);
    }

    /** The process group a first stderr line reports, or -1 when it is not the marker. */
    static long pgid(String firstStderrLine) {
        Matcher m = PGID.matcher(firstStderrLine);
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** TERM to the group, KILL after a grace: also ends a stopped (SIGSTOP) or signal-ignoring command. */
    static String killGroup(long pgid) {
        // "kill -SIG -PGID": dash (Debian's sh) takes neither "--" nor "-s SIG" before a negative pid.
        return "kill -TERM -" + pgid + " 2>/dev/null; sleep 2; kill -KILL -" + pgid + " 2>/dev/null; true";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
