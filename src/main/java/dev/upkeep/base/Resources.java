package dev.upkeep.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Text that ships inside Upkeep (remote scripts, pins), read by its absolute resource path. */
public final class Resources {
    private Resources() {
    }

    /** The resource's text; a missing one is a broken build, so it throws. */
    public static String text(String path) {
        return find(path).orElseThrow(() -> new IllegalStateException("missing resource " + path));
    }

    /** The resource's text, or empty when there is none. */
    public static Optional<String> find(String path) {
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
