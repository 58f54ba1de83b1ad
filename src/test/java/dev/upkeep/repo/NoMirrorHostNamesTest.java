package dev.upkeep.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Debian or Ubuntu mirror's host name is written into the repository: the test fleet reads its mirror from the
 * machine's apt sources at run time. (The pattern names the domains, never a host.)
 */
class NoMirrorHostNamesTest {
    private static final Pattern MIRROR_HOST = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(debian\\.org|ubuntu\\.com)");
    private static final List<String> TOP = List.of("src", "docs", "bench", "scripts", ".ci", "README.md", "pom.xml",
            "test", "upkeep");

    @Test
    void noFileNamesADebianOrUbuntuMirror() throws IOException {
        List<String> hits = new ArrayList<>();
        for (String top : TOP) {
            Path root = Path.of(top);
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text;
                    try {
                        text = Files.readString(f);
                    } catch (MalformedInputException binary) {
                        continue;
                    }
                    Matcher m = MIRROR_HOST.matcher(text);
                    while (m.find()) {
                        hits.add(f + ": " + m.group());
                    }
                }
            }
        }
        assertThat(hits).as("mirror host names in the repository").isEmpty();
    }
}
