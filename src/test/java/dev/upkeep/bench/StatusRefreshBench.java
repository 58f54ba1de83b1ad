package dev.upkeep.bench;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.testfleet.TestFleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of a status refresh of N test-fleet servers: "cold" opens every SSH connection (a fresh service each
 * round), "warm" reuses the pooled connections as the window does. Run on purpose (bench/status-refresh), not in the suite.
 * It is a command-line tool, so it prints to stdout.
 */
public final class StatusRefreshBench {
    private StatusRefreshBench() {
    }

    public static void main(String[] args) throws Exception {
        int servers = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TestFleet.unavailableReason().ifPresent(reason -> {
            System.err.println("Cannot start the test fleet: " + reason);
            System.exit(2);
        });
        try (TestFleet fleet = TestFleet.start(servers)) {
            Path dir = Files.createTempDirectory("upkeep-bench");
            Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers());
            List<Long> cold = new ArrayList<>();
            List<Long> warm = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                try (SshStatusService service = new SshStatusService()) {
                    cold.add(refresh(service, ws, servers));
                    warm.add(refresh(service, ws, servers));
                }
            }
            System.out.printf("servers=%d concurrency=%d rounds=%d cpus=%d%n", servers, ws.settings().concurrency(),
                    rounds, Runtime.getRuntime().availableProcessors());
            System.out.printf("cold refresh (new connections): min %d ms, median %d ms, max %d ms%n", min(cold), median(cold), max(cold));
            System.out.printf("warm refresh (pooled):          min %d ms, median %d ms, max %d ms%n", min(warm), median(warm), max(warm));
        }
    }

    private static long refresh(SshStatusService service, Workspace ws, int expected) throws Exception {
        long start = System.nanoTime();
        List<ServerStatus> result = service.refresh(ws, ServerRef.all(ws), false, (ref, s) -> {
        }).completion().get(5, TimeUnit.MINUTES);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long ok = result.stream().filter(ServerStatus::reachable).count();
        if (ok != expected) {
            throw new IllegalStateException(ok + " of " + expected + " answered");
        }
        return millis;
    }

    private static long min(List<Long> xs) {
        return Collections.min(xs);
    }

    private static long max(List<Long> xs) {
        return Collections.max(xs);
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
