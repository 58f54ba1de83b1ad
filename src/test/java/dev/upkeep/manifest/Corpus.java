package dev.upkeep.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The test manifests under src/test/resources/manifests. */
final class Corpus {
    private Corpus() {
    }

    static Path dir(String name) {
        try {
            return Path.of(Corpus.class.getResource("/manifests/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path good(String file) {
        return dir("good").resolve(file);
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String goodText(String file) {
        return text(good(file));
    }

    static List<Path> files(String name) {
        try (Stream<Path> files = Files.list(dir(name))) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
