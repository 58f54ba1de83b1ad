package dev.upkeep.bench.peers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A client that asks every server the status probe: the command as a user types it, its environment, and how to
 * tell from its output that every server answered (a round where one did not is reported, never timed as if fine).
 */
record Contestant(String name, List<String> command, Map<String, String> env, Check check) {
    interface Check {
        /** Null when the output holds every server's complete answer, else what is missing. */
        String problem(int exitCode, Path stdout, Path outputDir) throws Exception;
    }
}
