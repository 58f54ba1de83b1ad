package dev.upkeep.debian;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A package name or a glob of one ({@code openssl}, {@code libssl*}, {@code linux-image-?.*}), as typed by the person.
 * Only the characters of Debian package names and the glob characters {@code *} and {@code ?} are allowed: the
 * pattern is turned into a regular expression for awk on the servers, where nothing else may appear.
 */
public record PackagePattern(String text) {
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9*?][a-z0-9+.*?-]{0,99}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");

    public PackagePattern {
        if (text == null || !ALLOWED.matcher(text).matches()) {
            throw new IllegalArgumentException("not a package name or glob: '" + text + "' (lowercase letters, digits,"
                    + " + . - and the wildcards * and ?; at most 100 characters)");
        }
        if (text.chars().noneMatch(c -> Character.isLetterOrDigit(c))) {
            throw new IllegalArgumentException("a glob must name something: '" + text + "'");
        }
    }

    /** Lower-cases what was typed (package names are lower case), then validates it. */
    public static PackagePattern of(String typed) {
        return new PackagePattern(typed == null ? null : typed.strip().toLowerCase(Locale.ROOT));
    }

    public boolean isGlob() {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    /** An exact name (no wildcard) that is a valid package name: apt is asked about it even when not installed. */
    public boolean isExactName() {
        return !isGlob() && NAME.matcher(text).matches();
    }

    public boolean matches(String name) {
        return name != null && Pattern.compile(regex()).matcher(name).matches();
    }

    /** The pattern as an anchored POSIX extended regular expression without backslashes (awk reads escapes in -v). */
    String regex() {
        StringBuilder re = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '.' -> re.append("[.]");
                case '+' -> re.append("[+]");
                default -> re.append(c);
            }
        }
        return re.toString();
    }

    /** One anchored expression matching any of the patterns: {@code ^(openssl|libssl.*)$}. */
    public static String anyOf(List<PackagePattern> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("no package named");
        }
        return patterns.stream().map(PackagePattern::regex).collect(Collectors.joining("|", "^(", ")$"));
    }

    @Override
    public String toString() {
        return text;
    }
}
