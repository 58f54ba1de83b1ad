package dev.upkeep.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's house rules that a compiler does not check: theme only through AtlantaFX, one way onto the FX thread. */
class UiSourceRulesTest {
    private static final Path UI = Path.of("src/main/java/dev/upkeep/ui");
    private static final Path CSS = Path.of("src/main/resources/dev/upkeep/ui");
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{3,8}\\b");

    @Test
    void viewsNeverStyleInlineNorUseLiteralColours() throws IOException {
        for (Path file : files(UI, ".java")) {
            String text = Files.readString(file);
            assertThat(text).as(file + " uses setStyle").doesNotContain("setStyle(");
            assertThat(HEX_COLOUR.matcher(text).find()).as(file + " has a literal colour").isFalse();
            assertThat(text).as(file + " names a colour").doesNotContain("Color.");
        }
        for (Path file : files(CSS, ".css")) {
            assertThat(HEX_COLOUR.matcher(Files.readString(file)).find()).as(file + " has a literal colour").isFalse();
        }
    }

    @Test
    void onlyTheExecutorAndTheErrorHandlerHandWorkToTheFxThread() throws IOException {
        List<String> users = files(UI, ".java").stream().filter(f -> read(f).contains("Platform.runLater("))
                .map(f -> f.getFileName().toString()).toList();
        assertThat(users).containsExactlyInAnyOrder("FxUiExecutor.java", "UncaughtErrors.java");
    }

    @Test
    void noBareThreadsInTheWindow() throws IOException {
        List<String> users = files(UI, ".java").stream().filter(f -> read(f).contains("new Thread("))
                .map(f -> f.getFileName().toString()).toList();
        assertThat(users).as("threads come from base.Threads, the one named daemon factory").isEmpty();
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
