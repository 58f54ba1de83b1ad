package dev.upkeep.ui.edit;

import java.util.regex.Pattern;

/**
 * The workspace file's rules for names, hosts and users, checked while typing. They mirror the core's validator
 * (package-private there); a save re-reads the formatted file through the core as well, so the core has the last word.
 */
final class Validation {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    static final Pattern HOST = Pattern.compile("[A-Za-z0-9_:\\[\\]][A-Za-z0-9._:%\\[\\]-]{0,252}");
    static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]{0,31}");

    private Validation() {
    }

    static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }

    static String orNull(String s) {
        String t = trimmed(s);
        return t.isEmpty() ? null : t;
    }
}
