package dev.upkeep.ssh;

/**
 * Receives a command's output line by line (UTF-8, invalid bytes replaced, no line terminator). Calls never
 * overlap, but they come from worker threads: hand lines to the UI in batches, don't block here for long.
 */
@FunctionalInterface
public interface OutputListener {
    enum Stream { STDOUT, STDERR }

    void onLine(Stream stream, String line);

    OutputListener IGNORE = (stream, line) -> { };
}
