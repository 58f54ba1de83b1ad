package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the Debian archive this machine's apt already uses, so the rootfs build fetches from the same mirror and
 * no mirror host name lives in the repository. Reads deb822 {@code sources.list.d/*.sources} files and one-line
 * {@code sources.list} / {@code sources.list.d/*.list} files; the main archive is the first {@code deb} entry
 * whose suites name a Debian release and that is not the separate security archive.
 */
final class AptSources {
    /** Overrides the mirror (a Debian archive URL such as the {@code URIs:} value of a sources file). */
    static final String MIRROR_ENV = "UPKEEP_TESTFLEET_MIRROR";
    private static final Set<String> DEBIAN_SUITES = Set.of("buster", "bullseye", "bookworm", "trixie", "forky",
            "duke", "sid", "oldoldstable", "oldstable", "stable", "testing", "unstable");

    private record Entry(List<String> types, List<String> uris, List<String> suites, boolean enabled) {
    }

    private AptSources() {
    }

    /** The mirror for the rootfs build: the override, else this machine's Debian archive; else a clear error. */
    static String debianMirror() {
        String configured = System.getenv(MIRROR_ENV);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        Path etcApt = Path.of("/etc/apt");
        return mainArchive(etcApt).orElseThrow(() -> new IllegalStateException("no Debian archive found in "
                + etcApt.resolve("sources.list") + " or " + etcApt.resolve("sources.list.d")
                + "; set " + MIRROR_ENV + " to a Debian mirror URL"));
    }

    /** The first Debian main-archive URI in {@code etcApt}'s sources, in the order apt reads them. */
    static Optional<String> mainArchive(Path etcApt) {
        List<Entry> entries = new ArrayList<>();
        try {
            Path list = etcApt.resolve("sources.list");
            if (Files.isRegularFile(list)) {
                entries.addAll(oneLine(Files.readAllLines(list)));
            }
            Path dir = etcApt.resolve("sources.list.d");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = f.getFileName().toString();
                        if (name.endsWith(".sources")) {
                            entries.addAll(deb822(Files.readAllLines(f)));
                        } else if (name.endsWith(".list")) {
                            entries.addAll(oneLine(Files.readAllLines(f)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read apt sources in " + etcApt, e);
        }
        return entries.stream().filter(AptSources::isDebianMainArchive).flatMap(e -> e.uris().stream())
                .filter(AptSources::fetchable).findFirst().map(AptSources::withoutTrailingSlash);
    }

    private static boolean isDebianMainArchive(Entry e) {
        if (!e.enabled() || !e.types().contains("deb")) {
            return false;
        }
        boolean releaseSuite = e.suites().stream().anyMatch(s -> !s.endsWith("-security")
                && DEBIAN_SUITES.contains(s.replaceFirst("-(updates|backports|proposed-updates)$", "")));
        boolean securityArchive = e.uris().stream().allMatch(u -> withoutTrailingSlash(u).endsWith("-security"));
        return releaseSuite && !securityArchive;
    }

    private static boolean fetchable(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:/");
    }

    private static String withoutTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** deb822 stanzas, separated by blank lines; {@code #} lines are comments, even inside a stanza. */
    private static List<Entry> deb822(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        Stanza stanza = new Stanza();
        for (String raw : lines) {
            if (raw.isBlank()) {
                stanza.addTo(entries);
                stanza = new Stanza();
            } else if (!raw.startsWith("#")) {
                stanza.line(raw);
            }
        }
        stanza.addTo(entries);
        return entries;
    }

    /** {@code deb [options] URI suite component...}; options in brackets are skipped. */
    private static List<Entry> oneLine(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.replaceFirst("#.*", "").strip();
            String[] words = line.replaceFirst("\\[[^]]*]", " ").strip().split("\\s+");
            if (words.length >= 3 && (words[0].equals("deb") || words[0].equals("deb-src"))) {
                entries.add(new Entry(List.of(words[0]), List.of(words[1]), List.of(words[2]), true));
            }
        }
        return entries;
    }

    /** One deb822 stanza: Types, URIs, Suites and Enabled, each possibly continued on indented lines. */
    private static final class Stanza {
        private final java.util.Map<String, StringBuilder> fields = new java.util.HashMap<>();
        private String last;

        void line(String raw) {
            if (Character.isWhitespace(raw.charAt(0)) && last != null) {
                fields.get(last).append(' ').append(raw.strip());
                return;
            }
            int colon = raw.indexOf(':');
            if (colon > 0) {
                last = raw.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                fields.put(last, new StringBuilder(raw.substring(colon + 1).strip()));
            }
        }

        void addTo(List<Entry> entries) {
            if (fields.containsKey("uris")) {
                entries.add(new Entry(words("types"), words("uris"), words("suites"),
                        !words("enabled").equals(List.of("no"))));
            }
        }

        private List<String> words(String key) {
            StringBuilder value = fields.get(key);
            return value == null || value.isEmpty() ? List.of() : List.of(value.toString().strip().split("\\s+"));
        }
    }
}
