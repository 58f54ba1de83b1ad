package dev.upkeep.run;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run before it starts: its id (also the name of its history folder and of its jobs on the servers), the
 * options, the servers in the order they start, and its rollout (batches, failure limit, keep-one-up notes).
 * The servers are kept in the rollout's order.
 */
public record RunPlan(String id, Instant created, RunOptions options, List<ServerPlan> servers, Rollout rollout) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    public RunPlan {
        List<ServerRef> refs = servers.stream().map(ServerPlan::ref).toList();
        if (rollout == null) {
            rollout = Rollout.plan(refs, Rollout.sizesOf(refs), options);
        }
        servers = inRolloutOrder(servers, rollout);
    }

    /** A plan whose rollout is worked out from its own servers (application sizes counted in the selection). */
    public RunPlan(String id, Instant created, RunOptions options, List<ServerPlan> servers) {
        this(id, created, options, servers, null);
    }

    /** "20261126T094901Z-3fa9c2": sorts by time, unique enough that two runs never share a folder. */
    public static String newId(Instant now) {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        return STAMP.format(now) + "-" + HexFormat.of().formatHex(b);
    }

    public boolean needsSudo() {
        return servers.stream().anyMatch(ServerPlan::sudo);
    }

    /** The batches in order: one for a parallel run, one per server for a serial one. */
    public List<Batch> batches() {
        return rollout.batches();
    }

    private static List<ServerPlan> inRolloutOrder(List<ServerPlan> servers, Rollout rollout) {
        Map<ServerRef, ServerPlan> byRef = new LinkedHashMap<>();
        servers.forEach(s -> byRef.put(s.ref(), s));
        List<ServerPlan> ordered = new ArrayList<>();
        for (Batch b : rollout.batches()) {
            for (ServerRef r : b.servers()) {
                ServerPlan s = byRef.remove(r);
                if (s == null) {
                    throw new IllegalArgumentException("the rollout names " + r + ", which the plan does not have (or twice)");
                }
                ordered.add(s);
            }
        }
        if (!byRef.isEmpty()) {
            throw new IllegalArgumentException("the rollout leaves out " + byRef.keySet());
        }
        return List.copyOf(ordered);
    }
}
