package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.RebootPolicy;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.remote.PackageUpgrade;
import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.RebootAndVerify;
import dev.upkeep.remote.RestartServices;
import dev.upkeep.remote.SecurityUpgrade;
import dev.upkeep.remote.SecurityUpgradeSimulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a selection and options into a {@link RunPlan}: security first, then Docker, then Weave, then the reboot
 * (with the application's reboot settings, the run's timeout if it has one) on each server; and its rollout.
 * Everything that can be refused is refused here, before any connection (IllegalArgumentException).
 */
public final class RunPlanner {
    private final UpgradeHooks hooks;

    public RunPlanner(UpgradeHooks hooks) {
        this.hooks = hooks;
    }

    public RunPlan plan(Workspace ws, List<ServerRef> refs, RunOptions options) {
        if (!options.anything()) {
            throw new IllegalArgumentException("nothing to do: choose security, Docker or Weave upgrades, or a reboot");
        }
        if (options.docker() && hooks.docker() == null) {
            throw new IllegalArgumentException("Docker upgrades are not available yet");
        }
        if (options.weave() && hooks.weave() == null) {
            throw new IllegalArgumentException("Weave upgrades are not available yet");
        }
        Instant now = Instant.now();
        String id = RunPlan.newId(now);
        return build(ws, refs, options, id, now, (target) -> {
            List<Procedure> procedures = new ArrayList<>();
            if (options.security()) {
                procedures.add(new SecurityUpgrade(id, options.lockWait(), options.repairDpkg()));
            }
            if (options.docker()) {
                procedures.add(hooks.docker().create(ws, target.app, target.server, options));
            }
            if (options.weave()) {
                procedures.add(hooks.weave().create(ws, target.app, target.server, options));
            }
            // after the upgrades that replaced the libraries; where a reboot is required, the reboot restarts everything
            if (options.restartServices()) {
                procedures.add(new RestartServices(null, true));
            }
            if (options.reboot() != RunOptions.Reboot.NONE) {
                procedures.add(reboot(target, options));
            }
            return procedures;
        });
    }

    /**
     * Restarting the services still using replaced libraries: on each server only the services the person confirmed
     * (a server with none is left out), all restarted whether or not a reboot is also required.
     */
    public RunPlan restartServices(Workspace ws, Map<ServerRef, Set<String>> confirmed, RunOptions options) {
        if (confirmed.isEmpty()) {
            throw new IllegalArgumentException("no services to restart");
        }
        Instant now = Instant.now();
        RunOptions restart = options.withRestartServices(true);
        return build(ws, List.copyOf(confirmed.keySet()), restart, RunPlan.newId(now), now, target -> List.of(
                new RestartServices(confirmed.get(new ServerRef(target.app.name(), target.server.name())), false)));
    }

    /**
     * The CVE-day upgrade: on each server only the packages a query found exposed there (a server with none is left
     * out), then, with {@code options.restartServices()}, the services still using replaced libraries where no reboot
     * is required.
     */
    public RunPlan upgradePackages(Workspace ws, Map<ServerRef, List<String>> packages, RunOptions options) {
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("no server has a package to upgrade");
        }
        Instant now = Instant.now();
        return build(ws, List.copyOf(packages.keySet()), options, RunPlan.newId(now), now, target -> {
            List<Procedure> procedures = new ArrayList<>();
            procedures.add(new PackageUpgrade(packages.get(new ServerRef(target.app.name(), target.server.name())),
                    options.lockWait()));
            if (options.restartServices()) {
                procedures.add(new RestartServices(null, true));
            }
            return procedures;
        });
    }

    /** The pre-flight: what a security upgrade would change on each server (apt simulation), nothing else. */
    public RunPlan preflight(Workspace ws, List<ServerRef> refs, RunOptions options) {
        Instant now = Instant.now();
        // A simulation changes nothing: all at once, whatever the run's strategy, and no failure stops it.
        RunOptions simulate = options.withStrategy(RunOptions.Strategy.PARALLEL).withFailureLimit(null);
        return build(ws, refs, simulate, RunPlan.newId(now) + "-preflight", now,
                target -> List.of(new SecurityUpgradeSimulation(options.lockWait())));
    }

    private static Procedure reboot(Target target, RunOptions options) {
        RebootPolicy policy = target.app.reboot();
        if (options.rebootTimeoutSeconds() != null) {
            policy = policy.withTimeoutSeconds(options.rebootTimeoutSeconds());
        }
        return new RebootAndVerify(options.reboot() == RunOptions.Reboot.IF_REQUIRED, policy, target.server.host());
    }

    /** How many servers each application has in the workspace (keep-one-up counts them all, not only the selected). */
    static Map<String, Integer> applicationSizes(Workspace ws) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        ws.applications().forEach(a -> sizes.put(a.name(), a.servers().size()));
        return sizes;
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
        Rollout rollout = Rollout.plan(servers.stream().map(ServerPlan::ref).toList(), applicationSizes(ws), options);
        return new RunPlan(id, now, options, servers, rollout);
    }
}
