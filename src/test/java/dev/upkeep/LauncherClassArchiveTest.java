package dev.upkeep;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ./upkeep launcher makes a class-data archive once per build and commands map it; an archive that cannot be
 * mapped (garbage, another JDK's) never stops a start. Runs a copy of the launcher over the built jar, so the
 * worktree's own archive is left alone.
 */
class LauncherClassArchiveTest {
    @TempDir
    static Path copy;

    @BeforeAll
    static void copyLauncher() throws IOException {
        LauncherCopy.make(copy);
    }

    @Test
    void aCommandLoadsUpkeepsClassesFromTheArchiveMadeOnceForThisBuild() throws Exception {
        Path archive = copy.resolve("target/upkeep-cli.jsa");
        Files.deleteIfExists(archive);
        run("");
        assertThat(archive).isNotEmptyFile();
        assertThat(Files.getPosixFilePermissions(archive)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String out = run("-Xlog:class+load=info");
        assertThat(out).contains("dev.upkeep.Launcher source: shared objects file (top)").contains("upkeep 0.1.0");
    }

    @Test
    void anArchiveThatCannotBeMappedNeverStopsAStart() throws Exception {
        run("");
        Path archive = copy.resolve("target/upkeep-cli.jsa");
        Files.writeString(archive, "not a class-data archive");
        String out = run("");
        assertThat(out).isEqualTo("upkeep 0.1.0\n");
    }

    @Test
    void theWindowGetsACappedHeapThatGivesMemoryBackAndACommandASmallSerialOne() throws Exception {
        // -version after the launcher's options: the JVM prints its final flags and ends before Upkeep's main.
        String window = run("-XX:+PrintFlagsFinal -version", List.of());
        assertThat(flag(window, "MaxHeapSize")).isEqualTo(String.valueOf(384L << 20));
        assertThat(flag(window, "MaxHeapFreeRatio")).isEqualTo("20");
        assertThat(flag(window, "UseSerialGC")).isEqualTo("false");

        String command = run("-XX:+PrintFlagsFinal -version", List.of("status"));
        assertThat(flag(command, "MaxHeapSize")).isEqualTo(String.valueOf(256L << 20));
        assertThat(flag(command, "UseSerialGC")).isEqualTo("true");
        assertThat(flag(command, "TieredStopAtLevel")).as("a command compiles with C1 only").isEqualTo("1");
        assertThat(flag(window, "TieredStopAtLevel")).as("the window runs for hours: C2 too").isEqualTo("4");
    }

    private static String flag(String flagsFinal, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*\\S+\\s+" + name + "\\s+=\\s+(\\S+)").matcher(flagsFinal);
        assertThat(m.find()).as(name + " in " + flagsFinal.length() + " chars of flags").isTrue();
        return m.group(1);
    }

    /** {@code ./upkeep --version} of the copy, with these JVM options; its stdout (stderr is kept apart). */
    private static String run(String javaOptions) throws Exception {
        return run(javaOptions, List.of("--version"));
    }

    private static String run(String javaOptions, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(copy.resolve("upkeep").toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("UPKEEP_JAVA_OPTS", javaOptions);
        pb.environment().put("HOME", Files.createDirectories(copy.resolve("home")).toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
