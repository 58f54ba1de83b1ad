package dev.upkeep.cli;

import dev.upkeep.base.Threads;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The process's controlling terminal, /dev/tty, for reading a secret when stdin or stdout is not the terminal
 * (what {@code System.console()} needs). Echo goes off with {@code stty -echo} and the saved settings come back in
 * {@code finally}, and from a shutdown hook should the program end while the person types.
 */
final class Tty {
    private static final File TTY = new File("/dev/tty");
    private static final int MAX_SECRET_BYTES = 4096;

    private Tty() {
    }

    /** Fails with the reason when this process has no terminal (started from cron, CI, setsid…). */
    static Tty open() throws IOException {
        try (FileInputStream probe = new FileInputStream(TTY)) {
            return new Tty();
        } catch (IOException e) {
            throw new IOException("no controlling terminal", e);
        }
    }

    /** Prints {@code prompt}, reads one line with echo off; null at end of input. */
    char[] readSecret(String prompt) throws IOException {
        String saved = stty("-g").strip();
        Thread restore = Threads.daemon("upkeep-tty-restore", () -> quietly(saved));
        Runtime.getRuntime().addShutdownHook(restore);
        byte[] line = null;
        try (InputStream in = new FileInputStream(TTY); OutputStream out = new FileOutputStream(TTY)) {
            stty("-echo");
            out.write(prompt.getBytes(StandardCharsets.UTF_8));
            out.flush();
            line = readLine(in);
            out.write('\n'); // the Enter key was not echoed either
            out.flush();
            return line == null ? null : decode(line);
        } finally {
            if (line != null) {
                Arrays.fill(line, (byte) 0);
            }
            stty(saved);
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway; it restores the same settings
            }
        }
    }

    /** One byte at a time: nothing past the line is taken from the terminal, and no buffer keeps a copy. */
    private static byte[] readLine(InputStream in) throws IOException {
        byte[] buf = new byte[64];
        int n = 0;
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    if (n == 0) {
                        return null;
                    }
                    break;
                }
                if (b == '\n' || b == '\r') {
                    break;
                }
                if (n == MAX_SECRET_BYTES) {
                    throw new IOException("the answer is longer than " + MAX_SECRET_BYTES + " bytes");
                }
                if (n == buf.length) {
                    byte[] bigger = Arrays.copyOf(buf, buf.length * 2);
                    Arrays.fill(buf, (byte) 0);
                    buf = bigger;
                }
                buf[n++] = (byte) b;
            }
            return Arrays.copyOf(buf, n);
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }

    private static char[] decode(byte[] bytes) throws IOException {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new IOException("the answer is not valid UTF-8");
        }
        char[] result = new char[chars.remaining()];
        chars.get(result);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        return result;
    }

    private static void quietly(String settings) {
        try {
            stty(settings);
        } catch (IOException e) {
            // the program is ending; nothing else can be done
        }
    }

    /** Runs stty on the terminal (its stdin), returning what it printed. */
    private static String stty(String argument) throws IOException {
        Process p = new ProcessBuilder("stty", argument).redirectInput(ProcessBuilder.Redirect.from(TTY))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out;
        try (InputStream stdout = p.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.US_ASCII);
        }
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("stty " + argument + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the terminal up");
        }
        if (p.exitValue() != 0) {
            throw new IOException("stty " + argument + " failed (exit " + p.exitValue() + ")");
        }
        return out;
    }
}
