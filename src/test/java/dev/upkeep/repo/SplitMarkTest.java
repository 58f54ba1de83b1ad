package dev.upkeep.repo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages split in the "house" round stay under the split mark (~300 lines a file), so that a file grown past it
 * is split on purpose rather than noticed later. Other packages join the list as their big files are split.
 */
class SplitMarkTest {
    private static final int SPLIT_MARK = 300;
    private static final List<String> PACKAGES = List.of("demo", "run", "remote");

    @Test
    void noSourceFileInTheSplitPackagesIsPastTheSplitMark() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/upkeep", pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    long lines;
                    try (Stream<String> all = Files.lines(f)) {
                        lines = all.count();
                    }
                    if (lines > SPLIT_MARK) {
                        tooLong.add(f + " (" + lines + " lines)");
                    }
                }
            }
        }
        assertThat(tooLong).as("split these along their seams").isEmpty();
    }
}
