package dev.upkeep.run;

import dev.upkeep.fleet.Server;
import dev.upkeep.remote.Procedure;
import dev.upkeep.ssh.ConnectRequest;

import java.util.List;

/** One server of a run: how to reach it, whether it needs sudo, and its procedures in order. */
public record ServerPlan(ServerRef ref, ConnectRequest request, boolean sudo, List<Procedure> procedures) {
    public ServerPlan {
        procedures = List.copyOf(procedures);
    }

    static ServerPlan of(ServerRef ref, Server server, ConnectRequest request, List<Procedure> procedures) {
        return new ServerPlan(ref, request, server.sudo(), procedures);
    }
}
