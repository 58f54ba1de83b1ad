package dev.upkeep.run;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules ArchUnit cannot see, because they are about text: only {@code remote} spells Debian commands. */
class RunSourceRulesTest {
    /**
     * A string literal naming an apt/dpkg command (an option or a subcommand follows the name) or apt's state
     * directory; words about apt ("waiting for apt lock", RunStep's label) are not commands.
     */
    private static final Pattern DEBIAN_COMMAND = Pattern.compile("\"[^\"]*\\b(apt-get|apt|dpkg)\\s+(-|(update|upgrade|"
            + "full-upgrade|dist-upgrade|install|reinstall|remove|purge|autoremove|list|show|policy|search|configure)\\b)"
            + "|\"[^\"]*/var/lib/(apt|dpkg)");

    @Test
    void theRuleSeesCommandsNotWordsAboutApt() {
        assertThat(DEBIAN_COMMAND.matcher("String c = \"apt-get update -q\";").find()).isTrue();
        assertThat(DEBIAN_COMMAND.matcher("String c = \"dpkg --configure -a\";").find()).isTrue();
        assertThat(DEBIAN_COMMAND.matcher("String c = \"apt list --upgradable\";").find()).isTrue();
        assertThat(DEBIAN_COMMAND.matcher("WAITING_FOR_LOCK(\"waiting for apt lock\"),").find()).isFalse();
    }

    @Test
    void runBuildsNoDebianCommandLines() throws IOException {
        List<String> offenders;
        try (Stream<Path> s = Files.walk(Path.of("src/main/java/dev/upkeep/run"))) {
            offenders = s.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> lines(p).stream().filter(l -> !isComment(l) && DEBIAN_COMMAND.matcher(l).find())
                            .map(l -> p.getFileName() + ": " + l.strip()))
                    .toList();
        }
        assertThat(offenders).as("Debian command lines belong in dev.upkeep.remote").isEmpty();
    }

    private static boolean isComment(String line) {
        String s = line.strip();
        return s.startsWith("*") || s.startsWith("//") || s.startsWith("/*");
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
