package dev.upkeep.debian;

import java.util.Random;

/**
 * Random valid Debian versions and pairs of them that are often close: epochs (with leading zeros), tildes (also
 * doubled and at the end), pluses, dots, letters of both cases, digit runs with leading zeros, upstream versions
 * with hyphens, missing and "0" revisions. A pair is usually one version and a small mutation of it, so that the
 * comparison has to go deep; sometimes two unrelated versions.
 */
final class VersionGenerator {
    private static final String SEPARATORS = ".+~";
    private final Random random;

    VersionGenerator(Random random) {
        this.random = random;
    }

    String[] pair() {
        String a = version();
        String b = switch (random.nextInt(10)) {
            case 0, 1 -> version();
            case 2 -> a;
            case 3 -> equalByDpkg(a);
            default -> mutate(a);
        };
        return random.nextBoolean() ? new String[] {a, b} : new String[] {b, a};
    }

    String version() {
        StringBuilder s = new StringBuilder();
        if (random.nextInt(5) == 0) {
            s.append(random.nextInt(4) == 0 ? "0" : "").append(random.nextInt(4)).append(':');
        }
        s.append(part(true));
        if (random.nextInt(4) == 0) {
            s.append('-').append(part(true)); // a hyphen inside upstream needs a revision
        }
        int r = random.nextInt(6);
        if (r > 0) {
            s.append('-').append(r == 1 ? "0" : part(false));
        } else if (s.indexOf("-") >= 0) {
            s.append("-1");
        }
        return s.toString();
    }

    /** Starts with a digit when {@code upstream}; alternating digit runs and letter/separator runs. */
    private String part(boolean upstream) {
        StringBuilder s = new StringBuilder();
        int runs = 1 + random.nextInt(5);
        boolean digits = upstream || random.nextInt(3) > 0;
        for (int i = 0; i < runs; i++) {
            if (digits) {
                s.append(digits());
            } else {
                s.append(nonDigits());
            }
            digits = !digits;
        }
        return s.toString();
    }

    private String digits() {
        StringBuilder s = new StringBuilder();
        if (random.nextInt(6) == 0) {
            s.append("0".repeat(1 + random.nextInt(2)));
        }
        s.append(random.nextInt(random.nextBoolean() ? 10 : 1000));
        return s.toString();
    }

    private String nonDigits() {
        StringBuilder s = new StringBuilder();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            int k = random.nextInt(10);
            if (k < 4) {
                s.append(SEPARATORS.charAt(random.nextInt(SEPARATORS.length())));
            } else if (k < 6) {
                s.append("~");
            } else if (k < 9) {
                s.append((char) ('a' + random.nextInt(26)));
            } else {
                s.append((char) ('A' + random.nextInt(26)));
            }
        }
        return s.toString();
    }

    /** A small change: a digit bumped, a run appended or removed, a tilde or plus added, the revision changed. */
    private String mutate(String v) {
        int k = random.nextInt(7);
        return switch (k) {
            case 0 -> v + "~" + (random.nextBoolean() ? "" : "rc" + random.nextInt(3));
            case 1 -> v + "+" + (random.nextBoolean() ? "b1" : "deb12u" + random.nextInt(12));
            case 2 -> bumpDigit(v);
            case 3 -> v.contains("-") ? v.substring(0, v.lastIndexOf('-')) : v + "-0";
            case 4 -> v.contains("-") ? v + (random.nextBoolean() ? "ubuntu1" : ".1") : v + ".0";
            case 5 -> v + (char) ('a' + random.nextInt(3));
            default -> v.contains(":") ? v.substring(v.indexOf(':') + 1) : "1:" + v;
        };
    }

    /** Spelled differently, the same to dpkg: leading zeros added, epoch 0 written out. */
    private String equalByDpkg(String v) {
        String w = v.contains(":") ? v : "0:" + v;
        return w.replaceFirst("([^0-9]|^)([0-9])", "$10$2");
    }

    private String bumpDigit(String v) {
        int[] digitsAt = v.chars().filter(Character::isDigit).toArray();
        if (digitsAt.length == 0) {
            return v + "1";
        }
        int target = random.nextInt(digitsAt.length);
        StringBuilder s = new StringBuilder(v);
        int seen = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i)) && seen++ == target) {
                s.setCharAt(i, s.charAt(i) == '9' ? '0' : (char) (s.charAt(i) + 1));
                break;
            }
        }
        return s.toString();
    }
}
