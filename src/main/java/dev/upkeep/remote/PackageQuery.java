package dev.upkeep.remote;

import dev.upkeep.debian.PackageFinding;
import dev.upkeep.debian.PackagePattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The package query, read-only and without sudo: which of the named packages (exact names or globs, binary or source
 * package names) each server has installed, at which version, what apt would install instead and whether that comes
 * from a security pocket. One script per server: {@code dpkg-query}, then {@code apt-cache policy} for what matched.
 */
public final class PackageQuery {
    private static final String SCRIPT = Scripts.load("package-query.sh");

    /** The script keeps one line more than this, so that more can be told apart from exactly this many. */
    static final int MAX_MATCHES = 10_000;

    private final List<PackagePattern> patterns;

    public PackageQuery(List<PackagePattern> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("name at least one package");
        }
        this.patterns = List.copyOf(patterns);
    }

    public List<PackagePattern> patterns() {
        return patterns;
    }

    /** The command line: the script, the awk expression and the exact names, each quoted. */
    public String command() {
        StringBuilder c = new StringBuilder(Shell.script(SCRIPT)).append(" upkeep-packages ")
                .append(Shell.quote(PackagePattern.anyOf(patterns)));
        for (PackagePattern p : patterns) {
            if (p.isExactName()) {
                c.append(' ').append(Shell.quote(p.text()));
            }
        }
        return c.toString();
    }

    /** What the script printed: one finding per matching package, plus one per exact name that matched nothing. */
    public List<PackageFinding> parse(List<String> lines) {
        Sections s = Sections.of("upkeep-packages", lines);
        if (!s.header) {
            throw new ProbeException("the package query printed nothing recognisable");
        }
        if (!s.has("end")) {
            throw new ProbeException("the package query's output ended early");
        }
        if (s.lines("installed").size() > MAX_MATCHES) {
            throw new ProbeException("more than " + MAX_MATCHES + " packages matched (a real server has a few thousand"
                    + " in all); narrow the pattern, or look at the server");
        }
        AptPolicy policy = AptPolicy.parse(s.lines("sources"), s.lines("policy"));
        Map<String, PackageFinding> found = new LinkedHashMap<>();
        for (String line : s.lines("installed")) {
            String[] f = line.split("\t", -1);
            if (f.length < 6 || f[0].isBlank()) {
                continue;
            }
            String name = f[0];
            boolean byBinary = patterns.stream().anyMatch(p -> p.matches(f[1]));
            // dpkg names multi-arch packages "libssl3:amd64"; apt names native ones without the architecture
            if (policy.get(name) == null && name.indexOf(':') > 0 && policy.get(f[1]) != null) {
                name = f[1];
            }
            AptPolicy.Entry entry = policy.get(name);
            String version = blankToNull(f[3]);
            String state = blankToNull(f[5].strip());
            // dpkg keeps the version of a package whose configuration files are all that is left: not installed
            boolean installedNow = state != null && state.length() >= 2 && state.charAt(1) != 'n' && state.charAt(1) != 'c';
            found.put(name, new PackageFinding(name, blankToNull(f[2]), installedNow ? version : null,
                    blankToNull(f[4]), state, entry == null ? null : entry.candidate(),
                    policy.candidateFromSecurity(name), !byBinary));
        }
        for (PackagePattern p : patterns) {
            if (!p.isExactName() || found.containsKey(p.text())
                    || found.values().stream().anyMatch(f -> p.text().equals(f.source()))) {
                continue;
            }
            AptPolicy.Entry entry = policy.get(p.text());
            found.put(p.text(), new PackageFinding(p.text(), null, null, null, null,
                    entry == null ? null : entry.candidate(), policy.candidateFromSecurity(p.text()), false));
        }
        List<PackageFinding> result = new ArrayList<>(found.values());
        result.sort(Comparator.comparing(PackageFinding::name));
        return List.copyOf(result);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
