package dev.upkeep;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The ./upkeep launcher's window archive: the first window of a build leaves one (private) when it ends, later
 * windows map it, and one that cannot be mapped never stops the window. Real windows of a copy of the launcher on a
 * private Xvfb display (the suite's TestFX tests need none; this one needs Xvfb installed).
 */
@EnabledOnOs(OS.LINUX)
class LauncherWindowArchiveTest {
    private static final Duration START = Duration.ofMinutes(2);
    @TempDir
    static Path copy;
    private static Process xvfb;
    private static String display;

    @BeforeAll
    static void copyLauncherAndStartXvfb() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/Xvfb")), "needs Xvfb (/usr/bin/Xvfb) to open a real window");
        LauncherCopy.make(copy);
        xvfb = new ProcessBuilder("/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    @AfterAll
    static void stopXvfb() {
        if (xvfb != null) {
            xvfb.destroy();
        }
    }

    @Test
    void theFirstWindowOfABuildLeavesAPrivateArchiveThatLaterWindowsMap() throws Exception {
        Path archive = copy.resolve("target/upkeep-window.jsa");
        Files.deleteIfExists(archive);
        closeAfterFirstFrame(startWindow("first", ""));
        assertThat(archive).isNotEmptyFile();
        assertThat(Files.getPosixFilePermissions(archive)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> left = Files.list(copy.resolve("target"))) {
            assertThat(left).noneMatch(p -> p.getFileName().toString().startsWith(".window-archive"));
        }

        String second = closeAfterFirstFrame(startWindow("second", "-Xlog:class+load=info"));
        assertThat(loadedFrom(second, "dev.upkeep.ui.UpkeepApp")).isEqualTo("shared objects file (top)");
        assertThat(loadedFrom(second, "javafx.scene.control.TableView")).isEqualTo("shared objects file (top)");
    }

    @Test
    void aWindowArchiveThatCannotBeMappedNeverStopsTheWindow() throws Exception {
        Path archive = copy.resolve("target/upkeep-window.jsa");
        Files.writeString(archive, "not a class-data archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(60)));
        String out = closeAfterFirstFrame(startWindow("garbage", "-Xlog:class+load=info"));
        assertThat(loadedFrom(out, "dev.upkeep.ui.UpkeepApp")).startsWith("file:").endsWith("/target/upkeep.jar");
        assertThat(out.contains("source: shared objects file (top)")).as("a class mapped from the garbage").isFalse();
    }

    /** Where -Xlog:class+load says this class came from. */
    private static String loadedFrom(String log, String className) {
        Matcher m = Pattern.compile("\\] " + Pattern.quote(className) + " source: (.+)").matcher(log);
        assertThat(m.find()).as(className + " in the class-load log").isTrue();
        return m.group(1).trim();
    }

    /** ./upkeep with no command: the window, in its own scratch home; stdout and stderr go to one file. */
    private static Window startWindow(String name, String javaOptions) throws IOException {
        Path home = Files.createDirectories(copy.resolve("home-" + name));
        Path log = copy.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(copy.resolve("upkeep").toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("DISPLAY", display);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        pb.environment().put("UPKEEP_JAVA_OPTS", "-Duser.home=" + home + " -Dupkeep.log.level=INFO " + javaOptions);
        return new Window(pb.start(), log);
    }

    /** Waits for the window's first frame, closes it the way a session's end does (SIGTERM); returns its output. */
    private static String closeAfterFirstFrame(Window w) throws Exception {
        try {
            await().atMost(START).until(() -> Files.readString(w.log).contains("first frame")
                    || !w.process.isAlive());
            assertThat(Files.readString(w.log).contains("first frame")).as("the window's first frame; output in " + w.log)
                    .isTrue();
        } finally {
            w.process.destroy();
            assertThat(w.process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        }
        return Files.readString(w.log);
    }

    private record Window(Process process, Path log) {
    }
}
