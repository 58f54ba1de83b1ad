package dev.upkeep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code upkeep} as a separate process (the launcher's main, on this build's classpath), the way a user starts it
 * from a terminal: Ctrl-C reaches it as SIGINT, its own exit status counts. Output is collected as it comes.
 */
final class CliProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();

    private CliProcess(Process process) {
        this.process = process;
        drain(process.getInputStream(), out);
        drain(process.getErrorStream(), err);
    }

    /**
     * Starts {@code upkeep ARGS} with its state (history) under {@code stateHome} and no ssh-agent. Ctrl-C is
     * reset to its default first ({@code env --default-signal=INT}): a test runner started in the background may pass
     * it down ignored, which a terminal never does.
     */
    static CliProcess start(Path stateHome, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", java,
                "-cp", System.getProperty("java.class.path"), "dev.upkeep.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("XDG_STATE_HOME", stateHome.toString());
        env.remove("SSH_AUTH_SOCK");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new CliProcess(builder.start());
    }

    /** The JVM's own PID: {@code env} replaced itself with it. */
    long pid() {
        return process.pid();
    }

    /** Ctrl-C, to this process only. */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -INT " + process.pid() + " failed");
        }
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status, waiting at most {@code seconds}. */
    int exit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("upkeep did not end within " + seconds + " s\nout:\n" + out + "\nerr:\n" + err);
        }
        return process.exitValue();
    }

    private static void drain(InputStream in, StringBuffer into) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                into.append("\n[read failed: ").append(e).append("]\n");
            }
        }, "cli-process-drain");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        process.destroyForcibly(); // our own child, by its handle
    }
}
