package dev.upkeep.bench;

import dev.upkeep.demo.DemoFleet;
import dev.upkeep.demo.DemoPace;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.SshStatusService;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long the demo fleet takes to start (keys, the embedded SSH server, the workspace files), how many threads it
 * adds, and how long the first status refresh of all its servers takes (cold: new connections). The first round
 * includes loading the crypto classes once per JVM, as a user's first start does. Run on purpose (bench/demo-start).
 */
public final class DemoStartBench {
    private DemoStartBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Long> starts = new ArrayList<>();
        List<Long> refreshes = new ArrayList<>();
        int baseThreads = Thread.activeCount();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            try (DemoFleet fleet = DemoFleet.start(DemoPace.human())) {
                long started = System.nanoTime();
                starts.add((started - t0) / 1_000_000);
                int idle = Thread.activeCount() - baseThreads;
                Workspace ws = new WorkspaceStore().load(fleet.workspaceFile());
                try (SshStatusService status = new SshStatusService()) {
                    long t1 = System.nanoTime();
                    status.refresh(ws, ServerRef.all(ws), false, (s, st) -> { }).completion().get(60, TimeUnit.SECONDS);
                    refreshes.add((System.nanoTime() - t1) / 1_000_000);
                }
                System.out.printf("round %d: start %d ms (%d threads added while idle), first refresh %d ms, KEX %s%n",
                        r + 1, starts.get(r), idle, refreshes.get(r), fleet.keyExchanges());
            }
        }
        Thread.sleep(500);
        Thread.getAllStackTraces().keySet().stream().map(t -> t.getName().replaceAll("[0-9]+", "N"))
                .collect(java.util.stream.Collectors.groupingBy(n -> n, java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                .forEach((n, c) -> System.out.println("  thread " + n + " x" + c));
        System.out.println("start ms: first " + starts.get(0) + ", median of the rest " + median(starts.subList(1, starts.size())));
        System.out.println("refresh ms (13 servers, human pace): median " + median(refreshes));
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> v = new ArrayList<>(values);
        Collections.sort(v);
        return v.get(v.size() / 2);
    }
}
