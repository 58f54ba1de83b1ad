package dev.upkeep.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shell scripts Upkeep runs on servers, read from its resources. */
final class Scripts {
    private Scripts() {
    }

    static String load(String name) {
        try (InputStream in = Scripts.class.getResourceAsStream("/dev/upkeep/remote/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
