package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.remote.Procedure;

/**
 * Makes one server's procedure for a run option (Docker, Weave). Reads and validates what it needs (the
 * application's manifest, versions, URLs) before anything connects: bad input throws
 * {@link IllegalArgumentException} with a message naming the file or the value, and nothing runs.
 */
@FunctionalInterface
public interface ProcedureFactory {
    Procedure create(Workspace workspace, Application application, Server server, RunOptions options);
}
