package dev.upkeep.base;

import java.util.List;
import java.util.Locale;

/**
 * OpenSSH's pattern lists ({@code match_pattern_list}): ssh_config {@code Host} lines, known_hosts host lists and
 * algorithm names all match this way. A list matches when at least one positive pattern matches and no negated
 * ({@code !pattern}) one does: a negated hit vetoes the whole list. Here because ssh and ssh.kex both need it and
 * kex may not use ssh.
 */
public final class Patterns {
    private Patterns() {
    }

    /** ssh_config Host lines and algorithm names compare case-sensitively (as {@code ssh -G} shows); known_hosts not. */
    public static boolean matchesList(String text, List<String> patterns, boolean ignoreCase) {
        String h = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        boolean positive = false;
        for (String raw : patterns) {
            String p = ignoreCase ? raw.toLowerCase(Locale.ROOT) : raw;
            if (p.startsWith("!")) {
                if (glob(h, p.substring(1))) {
                    return false;
                }
            } else if (glob(h, p)) {
                positive = true;
            }
        }
        return positive;
    }

    /** Glob with {@code *} (any run, also empty) and {@code ?} (exactly one character); case as given. */
    public static boolean glob(String s, String pattern) {
        int si = 0;
        int pi = 0;
        int starP = -1;
        int starS = 0;
        while (si < s.length()) {
            if (pi < pattern.length() && (pattern.charAt(pi) == '?' || pattern.charAt(pi) == s.charAt(si))) {
                si++;
                pi++;
            } else if (pi < pattern.length() && pattern.charAt(pi) == '*') {
                starP = pi++;
                starS = si;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < pattern.length() && pattern.charAt(pi) == '*') {
            pi++;
        }
        return pi == pattern.length();
    }
}
