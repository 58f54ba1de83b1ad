package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.SecurityUpgrade;
import dev.upkeep.remote.SecurityUpgradeSimulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a selection and options into a {@link RunPlan}: security first, then Docker, then Weave on each server.
 * Everything that can be refused is refused here, before any connection (IllegalArgumentException).
 */
public final class RunPlanner {
    private final UpgradeHooks hooks;

    public RunPlanner(UpgradeHooks hooks) {
        this.hooks = hooks;
    }

    public RunPlan plan(Workspace ws, List<ServerRef> refs, RunOptions options) {
        if (!options.anything()) throw new IllegalArgumentException("nothing to do: choose security, Docker or Weave upgrades");
        if (options.docker() && hooks.docker() == null) throw new IllegalArgumentException("Docker upgrades are not available yet");
        if (options.weave() && hooks.weave() == null) throw new IllegalArgumentException("Weave upgrades are not available yet");
        Instant now = Instant.now();
        String id = RunPlan.newId(now);
        return build(ws, refs, options, id, now, (target) -> {
            List<Procedure> procedures = new ArrayList<>();
            if (options.security()) procedures.add(new SecurityUpgrade(id, options.lockWait(), options.repairDpkg()));
            if (options.docker()) procedures.add(hooks.docker().create(ws, target.app, target.server, options));
            if (options.weave()) procedures.add(hooks.weave().create(ws, target.app, target.server, options));
            return procedures;
        });
    }

    /** The pre-flight: what a security upgrade would change on each server (apt simulation), nothing else. */
    public RunPlan preflight(Workspace ws, List<ServerRef> refs, RunOptions options) {
        Instant now = Instant.now();
        return build(ws, refs, options, RunPlan.newId(now) + "-preflight", now,
                target -> List.of(new SecurityUpgradeSimulation(options.lockWait())));
    }

    private record Target(Application app, Server server) {
    }

    private static RunPlan build(Workspace ws, List<ServerRef> refs, RunOptions options, String id, Instant now,
                                 Function<Target, List<Procedure>> procedures) {
        List<ServerPlan> servers = new ArrayList<>();
        for (ServerRef ref : refs) {
            Application app = ws.application(ref.application())
                    .orElseThrow(() -> new IllegalArgumentException("no application " + ref.application()));
            Server server = app.servers().stream().filter(s -> s.name().equals(ref.server())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no server " + ref));
            servers.add(ServerPlan.of(ref, server, SshSettings.request(ws, server), procedures.apply(new Target(app, server))));
        }
        return new RunPlan(id, now, options, servers);
    }
}
