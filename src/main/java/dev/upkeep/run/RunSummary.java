package dev.upkeep.run;

import java.time.Instant;
import java.util.List;

/**
 * A finished (or, read from history, possibly interrupted) run: who, when, what, and each server's result.
 *
 * @param cancelled the run was cancelled (Cancel in the window, Ctrl-C on the command line) before it ended
 */
public record RunSummary(String id, String user, Instant started, Instant finished, RunOptions options,
                         List<ServerRef> servers, List<ServerResult> results, boolean cancelled) {
    public RunSummary {
        servers = List.copyOf(servers);
        results = List.copyOf(results);
    }

    public RunSummary(String id, String user, Instant started, Instant finished, RunOptions options,
                      List<ServerRef> servers, List<ServerResult> results) {
        this(id, user, started, finished, options, servers, results, false);
    }

    /** True when every server of the run finished with DONE. */
    public boolean allSucceeded() {
        return results.size() == servers.size() && results.stream().allMatch(ServerResult::succeeded);
    }

    public long failures() {
        return results.stream().filter(r -> !r.succeeded()).count();
    }
}
