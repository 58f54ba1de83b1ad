package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a local command (argument vector, no shell) and returns its stdout; a nonzero exit is an exception. */
final class Exec {
    private Exec() {
    }

    static String run(String... command) {
        return run(List.of(command), null, Map.of(), 600);
    }

    static String run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds) {
        CommandResult result = call(command, dir, env, timeoutSeconds);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("`" + String.join(" ", command) + "` exited with " + result.exitCode()
                    + "\nstdout: " + tail(result.stdout()) + "\nstderr: " + tail(result.stderr()));
        }
        return result.stdout();
    }

    /** Like {@link #run} but hands back the exit code instead of throwing on it. */
    static CommandResult call(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds) {
        return call(command, dir, env, null, timeoutSeconds);
    }

    /** Runs with {@code input} fed to its stdin. */
    static CommandResult callWithInput(List<String> command, byte[] input, long timeoutSeconds) {
        return call(command, null, Map.of(), input, timeoutSeconds);
    }

    private static CommandResult call(List<String> command, Path dir, Map<String, String> env, byte[] input,
                                      long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(resolve(command));
        builder.environment().put("PATH", SBIN_PATH);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        builder.environment().putAll(env);
        try {
            Process process = builder.redirectInput(ProcessBuilder.Redirect.PIPE).start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input);
                }
            }
            // Both streams are drained at once so a chatty command cannot block on a full pipe.
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process, true));
            String out = read(process, false);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("`" + String.join(" ", command) + "` timed out after "
                        + timeoutSeconds + " s");
            }
            return new CommandResult(process.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /** Root's tools live in sbin, which a JVM started by a normal user's shell may not have on its PATH. */
    static final String SBIN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    static List<String> resolve(List<String> command) {
        if (command.get(0).contains("/")) {
            return command;
        }
        List<String> resolved = new java.util.ArrayList<>(command);
        Availability.which(command.get(0)).ifPresent(path -> resolved.set(0, path.toString()));
        return resolved;
    }

    private static String read(Process process, boolean stderr) {
        try (var in = stderr ? process.getErrorStream() : process.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }
}
