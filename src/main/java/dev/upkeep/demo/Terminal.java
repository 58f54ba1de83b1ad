package dev.upkeep.demo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A simulated command's standard output and error, line by line; a closed channel stops the command. */
final class Terminal {
    private final OutputStream out;
    private final OutputStream err;

    Terminal(OutputStream out, OutputStream err) {
        this.out = out;
        this.err = err;
    }

    void out(String line) throws IOException {
        write(out, line);
    }

    void err(String line) throws IOException {
        write(err, line);
    }

    /** Writes a line, then waits {@code pause} (the demo's pace) so that people can watch it arrive. */
    void out(String line, Duration pause) throws IOException {
        out(line);
        sleep(pause);
    }

    static void sleep(Duration d) throws InterruptedIOException {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped");
        }
    }

    private static void write(OutputStream stream, String line) throws IOException {
        synchronized (stream) {
            stream.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stream.flush();
        }
    }
}
