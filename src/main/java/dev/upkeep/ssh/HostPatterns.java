package dev.upkeep.ssh;

import java.util.List;
import java.util.Locale;

/**
 * OpenSSH host pattern matching, shared by ssh_config {@code Host} lines and known_hosts host lists.
 * A list matches when at least one positive pattern matches and no negated ({@code !pattern}) one does,
 * which is what OpenSSH's {@code match_pattern_list} does: a negated hit vetoes the whole line.
 * ssh_config Host lines compare case-sensitively (as {@code ssh -G} shows); known_hosts lists do not.
 */
final class HostPatterns {
    private HostPatterns() {
    }

    static boolean matchesList(String host, List<String> patterns, boolean ignoreCase) {
        String h = ignoreCase ? host.toLowerCase(Locale.ROOT) : host;
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
    static boolean glob(String s, String pattern) {
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
