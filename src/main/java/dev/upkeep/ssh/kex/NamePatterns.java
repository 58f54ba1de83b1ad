package dev.upkeep.ssh.kex;

import java.util.List;

/** OpenSSH's {@code match_pattern_list} for algorithm names: case-sensitive globs, {@code !} vetoes. */
final class NamePatterns {
    private NamePatterns() {
    }

    /** True when a positive pattern matches {@code name} and no negated one does. */
    static boolean matchesList(String name, List<String> patterns) {
        boolean positive = false;
        for (String p : patterns) {
            if (p.startsWith("!")) {
                if (glob(name, p.substring(1))) {
                    return false;
                }
            } else if (glob(name, p)) {
                positive = true;
            }
        }
        return positive;
    }

    /** {@code *} is any run of characters (also none), {@code ?} exactly one. */
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
