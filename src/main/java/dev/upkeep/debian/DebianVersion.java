package dev.upkeep.debian;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * A Debian package version ({@code [epoch:]upstream[-revision]}) ordered as {@code dpkg --compare-versions} orders
 * them (Debian policy 5.6.12): epochs numerically, then upstream and revision by dpkg's rule, where a run of
 * non-digits compares character by character with {@code ~} before everything (even the end), letters before
 * other characters, and a run of digits compares as a number (leading zeros do not count). A missing epoch is 0 and
 * a missing revision is empty, which dpkg treats as equal to "0".
 *
 * @param epoch    0 when the version has none
 * @param upstream never empty
 * @param revision empty when the version has none
 */
public record DebianVersion(long epoch, String upstream, String revision) implements Comparable<DebianVersion> {
    /** What policy allows in the upstream part and in the revision: a version that reaches a command line is this. */
    private static final Pattern UPSTREAM = Pattern.compile("[0-9][A-Za-z0-9.+~:-]*");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9.+~]+");
    /** The longest version accepted: dpkg has no limit, but nothing real comes close. */
    static final int MAX_LENGTH = 256;

    /** Orders version strings as dpkg does, refusing what dpkg refuses (an IllegalArgumentException naming why). */
    public static final Comparator<String> ORDER = (a, b) -> parse(a).compareTo(parse(b));

    public DebianVersion {
        if (epoch < 0) {
            throw new IllegalArgumentException("negative epoch");
        }
        if (upstream == null || upstream.isEmpty()) {
            throw new IllegalArgumentException("empty upstream version");
        }
        if (revision == null) {
            revision = "";
        }
    }

    /**
     * Parses a version strictly: the syntax errors dpkg refuses (empty, spaces inside, a bad epoch, nothing after the
     * colon, an empty revision) and what dpkg only warns about (an upstream version that does not start with a digit,
     * characters policy does not allow) are all refused here, with the reason.
     */
    public static DebianVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no version");
        }
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty version");
        }
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("version longer than " + MAX_LENGTH + " characters");
        }
        if (s.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("version contains a space: " + quoted(text));
        }
        long epoch = 0;
        String rest = s;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String e = s.substring(0, colon);
            if (e.isEmpty() || !e.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("epoch in version is not a number: " + quoted(text));
            }
            if (e.length() > 9) {
                throw new IllegalArgumentException("epoch in version is too big: " + quoted(text));
            }
            epoch = Long.parseLong(e);
            rest = s.substring(colon + 1);
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("nothing after colon in version: " + quoted(text));
            }
        }
        String upstream = rest;
        String revision = "";
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            upstream = rest.substring(0, hyphen);
            revision = rest.substring(hyphen + 1);
            if (revision.isEmpty()) {
                throw new IllegalArgumentException("revision number is empty: " + quoted(text));
            }
            if (!REVISION.matcher(revision).matches()) {
                throw new IllegalArgumentException("invalid character in revision number: " + quoted(text));
            }
        }
        if (upstream.isEmpty()) {
            throw new IllegalArgumentException("version number is empty: " + quoted(text));
        }
        if (!UPSTREAM.matcher(upstream).matches()) {
            throw new IllegalArgumentException(Character.isDigit(upstream.charAt(0))
                    ? "invalid character in version number: " + quoted(text)
                    : "version number does not start with a digit: " + quoted(text));
        }
        return new DebianVersion(epoch, upstream, revision);
    }

    /** True when {@code text} is a version {@link #parse} accepts. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Negative, zero or positive as {@code a} sorts before, equal to or after {@code b} (both must be valid). */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    @Override
    public int compareTo(DebianVersion o) {
        if (epoch != o.epoch) {
            return epoch < o.epoch ? -1 : 1;
        }
        int c = compareParts(upstream, o.upstream);
        return c != 0 ? c : compareParts(revision, o.revision);
    }

    /** Equal in dpkg's ordering ({@code 1.0} and {@code 0:1.0-0} are), which {@link #equals} is not. */
    public boolean sameAs(DebianVersion o) {
        return compareTo(o) == 0;
    }

    @Override
    public String toString() {
        return (epoch == 0 ? "" : epoch + ":") + upstream + (revision.isEmpty() ? "" : "-" + revision);
    }

    /** dpkg's verrevcmp: alternating runs of non-digits (by {@link #order}) and digits (as numbers). */
    static int compareParts(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && !digit(a.charAt(i)) || j < b.length() && !digit(b.charAt(j))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return Integer.signum(ac - bc);
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDiff = 0;
            while (i < a.length() && digit(a.charAt(i)) && j < b.length() && digit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && digit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && digit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return Integer.signum(firstDiff);
            }
        }
        return 0;
    }

    /** The weight of the character at {@code i}: the end and digits 0, {@code ~} below that, letters, then the rest. */
    private static int order(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (digit(c)) {
            return 0;
        }
        if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String quoted(String text) {
        String t = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return "'" + t + "'";
    }
}
