package dev.upkeep.ssh;

import dev.upkeep.base.Patterns;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Expands an absolute Include path whose components may hold {@code *} and {@code ?}, sorted like glob(3). */
final class IncludeGlob {
    private IncludeGlob() {
    }

    static List<Path> expand(Path pattern) throws IOException {
        List<Path> current = List.of(pattern.getRoot() == null ? Path.of("") : pattern.getRoot());
        for (Path part : pattern) {
            String name = part.toString();
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (name.indexOf('*') < 0 && name.indexOf('?') < 0) {
                    Path p = dir.resolve(name);
                    if (Files.exists(p)) {
                        next.add(p);
                    }
                } else if (Files.isDirectory(dir)) {
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                        for (Path e : entries) {
                            String n = e.getFileName().toString();
                            // glob(3) doesn't match dot files with a leading wildcard.
                            boolean hidden = n.startsWith(".") && !name.startsWith(".");
                            if (!hidden && Patterns.glob(n, name)) {
                                next.add(e);
                            }
                        }
                    }
                }
            }
            next.sort(null);
            current = next;
        }
        return current;
    }
}
