package dev.upkeep.cli;

import dev.upkeep.remote.Shell;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real command line, {@code dev.upkeep.Launcher} in its own JVM, on a pseudo-terminal made by util-linux
 * {@code script}: what a person at a terminal sees (stdout, stderr and the terminal's own echo, all in one) and
 * what they type. The classpath is this test's, or {@code -Dupkeep.cli.classpath=...} to try another build.
 */
final class CliPty implements AutoCloseable {
    private final Process process;
    private final StringBuffer screen = new StringBuffer();
    private final Thread reader;

    private CliPty(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "cli-pty-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The java command that runs Upkeep's command line with {@code args}, logging at DEBUG to stderr. */
    static List<String> upkeep(String... args) {
        String classpath = System.getProperty("upkeep.cli.classpath", System.getProperty("java.class.path"));
        Path logback = Path.of("target/classes/logback.xml").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + logback, "-Dupkeep.log.level=DEBUG", "-cp", classpath,
                "dev.upkeep.Launcher"));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code shellLine} (a POSIX shell command line) with a terminal of its own. */
    static CliPty start(String shellLine, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", shellLine, "/dev/null").redirectErrorStream(true);
        builder.environment().remove("SSH_AUTH_SOCK");
        builder.environment().putAll(env);
        return new CliPty(builder.start());
    }

    static String line(List<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }

    /** Waits until the screen shows {@code text} for the {@code nth} time (from 1). */
    void awaitScreen(String text, int nth, Duration atMost) {
        await().atMost(atMost).untilAsserted(() -> assertThat(count(screen(), text))
                .as("\"%s\" (%d times) on the screen:%n%s", text, nth, screen()).isGreaterThanOrEqualTo(nth));
    }

    void awaitScreen(String text, Duration atMost) {
        awaitScreen(text, 1, atMost);
    }

    /** Types at the keyboard; "\r" is the Enter key. */
    void type(String keys) {
        try {
            OutputStream in = process.getOutputStream();
            in.write(keys.getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the command line did not end within " + atMost + "; screen:\n" + screen());
        }
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.exitValue();
    }

    String screen() {
        return screen.toString();
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private void read() {
        char[] buf = new char[8192];
        try (Reader out = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            int n;
            while ((n = out.read(buf)) >= 0) {
                screen.append(buf, 0, n);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
