package dev.upkeep.remote;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Builds POSIX shell command lines from quoted parts: no value ever reaches a remote shell unquoted. */
public final class Shell {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-][A-Za-z0-9_@%+=:,./~-]*");

    private Shell() {
    }

    /** One word for sh, whatever it holds: plain when it is obviously safe, else single-quoted. */
    public static String quote(String value) {
        if (value == null) {
            throw new IllegalArgumentException("null cannot be quoted");
        }
        if (!value.isEmpty() && SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    /** A command line of separately quoted words. */
    public static String command(String... words) {
        return Arrays.stream(words).map(Shell::quote).collect(Collectors.joining(" "));
    }

    /** Runs a whole script with the POSIX shell, whatever the login shell is. */
    public static String script(String script) {
        return "sh -c " + quote(script);
    }

    /** Prefixes a privileged command with non-interactive sudo when the server's login user is not root. */
    public static String privileged(boolean sudo, String commandLine) {
        return sudo ? "sudo -n -- sh -c " + quote(commandLine) : commandLine;
    }
}
