package dev.upkeep.manifest;

import java.util.regex.Pattern;

/**
 * Strict version formats. These strings end up in shell commands (package pins, download URLs), so anything
 * outside digits, dots and the literal "-ce" suffix is refused rather than escaped.
 */
public final class Versions {
    /** {@code 24.0.7} or older Docker CE {@code 18.03.0-ce}. */
    public static final Pattern DOCKER = Pattern.compile("[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}(-ce)?");
    /** {@code 2.8.1}. */
    public static final Pattern WEAVE = Pattern.compile("[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}");

    private Versions() {
    }

    public static boolean isDockerVersion(String value) {
        return value != null && DOCKER.matcher(value).matches();
    }

    public static boolean isWeaveVersion(String value) {
        return value != null && WEAVE.matcher(value).matches();
    }

    /** Returns the value unchanged, or throws if it is not a strict Docker version. */
    public static String requireDockerVersion(String value) {
        if (!isDockerVersion(value)) {
            throw new IllegalArgumentException("not a Docker version (like 24.0.7 or 18.03.0-ce): " + value);
        }
        return value;
    }

    /** Returns the value unchanged, or throws if it is not a strict Weave version. */
    public static String requireWeaveVersion(String value) {
        if (!isWeaveVersion(value)) {
            throw new IllegalArgumentException("not a Weave version (like 2.8.1): " + value);
        }
        return value;
    }
}
