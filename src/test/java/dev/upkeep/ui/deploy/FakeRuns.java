package dev.upkeep.ui.deploy;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.ProcedureContext;
import dev.upkeep.remote.ProcedureResult;
import dev.upkeep.remote.Step;
import dev.upkeep.run.Connections;
import dev.upkeep.run.RunHistory;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunPlan;
import dev.upkeep.run.ServerPlan;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnection;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run services whose procedures are stand-ins: each server talks for a while (stdout and some stderr), goes
 * through the steps, and succeeds (or fails, for the servers named); the pre-flight "would upgrade" two packages.
 * No connection is ever opened. For view-model tests, window tests and the demo window.
 */
public final class FakeRuns {
    private final int lines;
    private final long pauseMillis;
    private final Set<String> failing;
    public final AtomicInteger simulations = new AtomicInteger();

    /**
     * @param lines       output lines per server
     * @param pauseMillis pause every 50 lines (so a run can be watched)
     */
    public FakeRuns(int lines, long pauseMillis, Set<String> failing) {
        this.lines = lines;
        this.pauseMillis = pauseMillis;
        this.failing = failing;
    }

    public RunServices services(Path stateDir) {
        Connections none = new Connections() {
            @Override
            public SshConnection get(ServerPlan server) {
                return null; // the stand-in procedures never touch it
            }

            @Override
            public void evict(ServerPlan server) {
            }
        };
        return new RunServices(plans(), ws -> none, new RunHistory(stateDir));
    }

    public RunPlans plans() {
        return new RunPlans() {
            @Override
            public RunPlan plan(Workspace ws, List<ServerRef> servers, RunOptions options) {
                if (!options.anything()) {
                    throw new IllegalArgumentException("nothing to do");
                }
                Instant now = Instant.now();
                return new RunPlan(RunPlan.newId(now), now, options, servers.stream()
                        .map(r -> server(r, new Chatty(failing.contains(r.server())))).toList());
            }

            @Override
            public RunPlan preflight(Workspace ws, List<ServerRef> servers, RunOptions options) {
                Instant now = Instant.now();
                return new RunPlan(RunPlan.newId(now) + "-preflight", now, options, servers.stream()
                        .map(r -> server(r, new Simulation())).toList());
            }
        };
    }

    private static ServerPlan server(ServerRef ref, Procedure p) {
        return new ServerPlan(ref, new ConnectRequest("127.0.0.1", 22, "root", null), false, List.of(p));
    }

    private final class Simulation implements Procedure {
        @Override
        public String name() {
            return "security upgrade simulation";
        }

        @Override
        public ProcedureResult run(ProcedureContext ctx) {
            simulations.incrementAndGet();
            return new ProcedureResult(true, "2 packages would be upgraded", List.of("openssl 3.0.13-1~deb12u2", "libssl3 3.0.13-1~deb12u2"),
                    false, List.of());
        }
    }

    private final class Chatty implements Procedure {
        private final boolean fail;

        Chatty(boolean fail) {
            this.fail = fail;
        }

        @Override
        public String name() {
            return "security upgrade";
        }

        @Override
        public ProcedureResult run(ProcedureContext ctx) {
            ctx.step(Step.UPDATING_LISTS, null);
            ctx.line(OutputListener.Stream.STDOUT, "Hit:1 http://127.0.0.1:8080/debian bookworm InRelease");
            ctx.step(Step.UPGRADING, "unattended-upgrades");
            for (int i = 1; i <= lines; i++) {
                if (ctx.cancellation().isCancelled()) {
                    return ProcedureResult.failed("stopped at a safe point");
                }
                boolean err = i % 40 == 0;
                ctx.line(err ? OutputListener.Stream.STDERR : OutputListener.Stream.STDOUT,
                        err ? "W: line " + i + ": Possible missing firmware /lib/firmware/demo.bin"
                                : "Unpacking libdemo" + (i % 17) + " (1." + i + ") over (1." + (i - 1) + ") … line " + i);
                if (pauseMillis > 0 && i % 50 == 0) {
                    pause();
                }
            }
            if (fail) {
                ctx.line(OutputListener.Stream.STDERR, "E: Sub-process /usr/bin/dpkg returned an error code (1)");
                return ProcedureResult.failed("dpkg returned an error code (1)");
            }
            return new ProcedureResult(true, "2 upgraded", List.of("openssl 3.0.13-1~deb12u2", "libssl3 3.0.13-1~deb12u2"),
                    true, List.of("libssl3"));
        }

        private void pause() {
            try {
                TimeUnit.MILLISECONDS.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
