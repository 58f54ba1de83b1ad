package dev.upkeep.remote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code apt-cache policy} says: which package sources are security pockets (from the release lines of the
 * plain {@code apt-cache policy}), and per package the installed and candidate versions and where each version comes
 * from (from {@code apt-cache policy NAME…}). A version "comes from a security pocket" when one of its sources is one,
 * the way unattended-upgrades decides.
 */
public final class AptPolicy {
    private static final Pattern SOURCE = Pattern.compile("^ *(-?\\d+) (\\S.*)$");
    private static final Pattern VERSION = Pattern.compile("^ (?:\\*\\*\\*| {3}) (\\S+) (-?\\d+)(?: .*)?$");
    private static final Pattern HEADER = Pattern.compile("^([a-z0-9][a-z0-9+.-]*(?::[a-z0-9-]+)?):$");

    private final Set<String> securitySources;
    private final Map<String, Entry> packages;

    /**
     * @param installed null when not installed
     * @param candidate null when apt has none
     * @param sources   per version, the sources it comes from (as the source lines print them)
     */
    public record Entry(String name, String installed, String candidate, Map<String, List<String>> sources) {
    }

    private AptPolicy(Set<String> securitySources, Map<String, Entry> packages) {
        this.securitySources = securitySources;
        this.packages = packages;
    }

    /** @param sourcesLines the plain {@code apt-cache policy}; {@code packageLines} its answer for named packages */
    public static AptPolicy parse(List<String> sourcesLines, List<String> packageLines) {
        return new AptPolicy(securitySources(sourcesLines), packages(packageLines));
    }

    public static AptPolicy empty() {
        return new AptPolicy(Set.of(), Map.of());
    }

    /** The package's entry; null when apt knows no such package. */
    public Entry get(String name) {
        return packages.get(name);
    }

    /** True when apt can tell that this version of the package comes from a security pocket. */
    public boolean fromSecurity(String name, String version) {
        Entry e = packages.get(name);
        if (e == null || version == null) {
            return false;
        }
        for (Map.Entry<String, List<String>> v : e.sources.entrySet()) {
            if (!v.getKey().equals(version)) {
                continue;
            }
            for (String source : v.getValue()) {
                if (securitySources.contains(source)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the package's candidate comes from a security pocket; null when there is no candidate or no entry. */
    public Boolean candidateFromSecurity(String name) {
        Entry e = packages.get(name);
        if (e == null || e.candidate() == null) {
            return null;
        }
        return fromSecurity(name, e.candidate());
    }

    /** Sources whose release line names a security pocket (Debian-Security, *-security suites, Ubuntu ESM security). */
    static Set<String> securitySources(List<String> lines) {
        Set<String> security = new HashSet<>();
        String source = null;
        for (String line : lines) {
            Matcher m = SOURCE.matcher(line);
            if (m.matches() && line.startsWith(" ") && !line.startsWith("     ")) {
                source = m.group(2).strip();
            } else if (source != null && line.strip().startsWith("release ")) {
                if (isSecurityRelease(line.strip().substring("release ".length()))) {
                    security.add(source);
                }
            }
        }
        return security;
    }

    static boolean isSecurityRelease(String attributes) {
        for (String kv : attributes.split(",")) {
            int eq = kv.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = kv.substring(0, eq).strip();
            String value = kv.substring(eq + 1).strip();
            if (key.equals("l") && value.equals("Debian-Security")) {
                return true;
            }
            if ((key.equals("a") || key.equals("n")) && value.endsWith("-security")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Entry> packages(List<String> lines) {
        Map<String, Entry> result = new HashMap<>();
        String name = null;
        String installed = null;
        String candidate = null;
        Map<String, List<String>> sources = new LinkedHashMap<>();
        String version = null;
        for (String line : lines) {
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                if (name != null) {
                    result.put(name, new Entry(name, installed, candidate, sources));
                }
                name = header.group(1);
                installed = null;
                candidate = null;
                sources = new LinkedHashMap<>();
                version = null;
                continue;
            }
            if (name == null) {
                continue;
            }
            String s = line.strip();
            if (s.startsWith("Installed: ")) {
                installed = none(s.substring("Installed: ".length()));
            } else if (s.startsWith("Candidate: ")) {
                candidate = none(s.substring("Candidate: ".length()));
            } else if (line.startsWith("        ")) {
                Matcher m = SOURCE.matcher(line);
                if (version != null && m.matches()) {
                    sources.get(version).add(m.group(2).strip());
                }
            } else {
                Matcher v = VERSION.matcher(line);
                if (v.matches()) {
                    version = v.group(1);
                    sources.putIfAbsent(version, new ArrayList<>());
                }
            }
        }
        if (name != null) {
            result.put(name, new Entry(name, installed, candidate, sources));
        }
        return result;
    }

    private static String none(String value) {
        String v = value.strip();
        return v.isEmpty() || v.equals("(none)") ? null : v;
    }
}
