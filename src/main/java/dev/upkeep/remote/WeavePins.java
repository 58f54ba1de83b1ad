package dev.upkeep.remote;

import dev.upkeep.manifest.Versions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SHA-256 pins of the Weave script per release, kept in the project (resource {@code weave-sha256.txt}): the known
 * releases, each with its pin or without one where none could be verified. Every Weave download is checked on the
 * server against a pin or the workspace's own checksum; a version with neither is refused before anything connects.
 */
public final class WeavePins {
    public static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final WeavePins BUNDLED = parse(Scripts.load("weave-sha256.txt"));

    /** Release → pin, for the releases that have one. */
    private final Map<String, String> pins = new LinkedHashMap<>();
    /** Every release listed, pinned or not. */
    private final Set<String> known;

    /** @param pins release → pin, null where the release is known but has no verified pin */
    private WeavePins(Map<String, String> pins) {
        pins.forEach((version, pin) -> {
            if (pin != null) {
                this.pins.put(version, pin);
            }
        });
        this.known = Set.copyOf(pins.keySet());
    }

    /** The pins shipped with Upkeep. */
    public static WeavePins bundled() {
        return BUNDLED;
    }

    /** Pins given directly (tests; a fork's own list): version → lowercase hex. */
    public static WeavePins of(Map<String, String> pins) {
        pins.values().forEach(WeavePins::requireHex);
        return new WeavePins(pins);
    }

    public Optional<String> pin(String version) {
        return Optional.ofNullable(pins.get(version));
    }

    /** A release of Weave Net that the pins file lists (pinned or not). */
    public boolean known(String version) {
        return known.contains(version);
    }

    static String requireHex(String hex) {
        if (hex == null || !SHA256.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a SHA-256 (64 lowercase hex digits): " + hex);
        }
        return hex;
    }

    static WeavePins parse(String text) {
        Map<String, String> pins = new LinkedHashMap<>();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] w = s.split("\\s+");
            if (w.length < 2 || !Versions.isWeaveVersion(w[0])
                    || !w[1].equals("-") && !SHA256.matcher(w[1]).matches()) {
                throw new IllegalStateException("weave-sha256.txt line " + n + ": not 'VERSION SHA256' or 'VERSION -': " + line);
            }
            pins.put(w[0], w[1].equals("-") ? null : w[1]);
        }
        return new WeavePins(pins);
    }
}
