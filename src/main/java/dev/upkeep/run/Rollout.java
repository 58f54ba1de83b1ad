package dev.upkeep.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a run goes through its servers: the batches in order, the failure limit, and how many servers each application
 * has in the workspace (the keep-one-up rule needs the whole application, not just the selection). {@code notes}
 * say in words what the plan changed and why ("shop has 2 servers: at most 1 per batch").
 *
 * @param failuresAllowed after this many failed servers no new server or batch starts; null = never stop early
 */
public record Rollout(List<Batch> batches, Map<String, Integer> applicationSizes, Integer failuresAllowed,
                      List<String> notes) {
    public Rollout {
        batches = List.copyOf(batches);
        applicationSizes = Map.copyOf(applicationSizes);
        notes = List.copyOf(notes);
    }

    /**
     * Splits {@code servers} (in their order) into batches for {@code options}. With keep-one-up, a rolling batch
     * never holds every server of an application that has more than one: batches are filled first-fit, so a server
     * that would complete its application in a batch moves to a later one.
     */
    public static Rollout plan(List<ServerRef> servers, Map<String, Integer> applicationSizes, RunOptions options) {
        int total = servers.size();
        int size = options.batchSize(total);
        boolean capped = options.keepOneUp() && options.strategy() == RunOptions.Strategy.ROLLING;
        boolean gated = options.keepOneUp() && options.strategy() == RunOptions.Strategy.PARALLEL
                && options.reboot() != RunOptions.Reboot.NONE;
        // In parallel, a reboot waiting for its application's turn holds a worker: mixing applications keeps them busy.
        List<ServerRef> left = gated ? interleaved(servers) : new ArrayList<>(servers);
        List<Batch> batches = new ArrayList<>();
        while (!left.isEmpty()) {
            List<ServerRef> batch = new ArrayList<>();
            Map<String, Integer> perApp = new LinkedHashMap<>();
            for (var it = left.iterator(); it.hasNext() && batch.size() < size; ) {
                ServerRef ref = it.next();
                int inBatch = perApp.getOrDefault(ref.application(), 0);
                if (capped && inBatch + 1 > cap(applicationSizes, ref.application())) {
                    continue;
                }
                perApp.merge(ref.application(), 1, Integer::sum);
                batch.add(ref);
                it.remove();
            }
            batches.add(new Batch(batches.size() + 1, batch));
        }
        return new Rollout(batches, applicationSizes, options.failuresAllowed(total),
                notes(servers, applicationSizes, options, size));
    }

    /** One server of each application in turn (each application's own order kept): a1, b1, a2, b2, a3. */
    static List<ServerRef> interleaved(List<ServerRef> servers) {
        Map<String, List<ServerRef>> byApp = new LinkedHashMap<>();
        servers.forEach(r -> byApp.computeIfAbsent(r.application(), a -> new ArrayList<>()).add(r));
        List<ServerRef> out = new ArrayList<>();
        for (int i = 0; out.size() < servers.size(); i++) {
            for (List<ServerRef> app : byApp.values()) {
                if (i < app.size()) {
                    out.add(app.get(i));
                }
            }
        }
        return out;
    }

    /** Application sizes taken from the servers themselves (when the workspace is not at hand). */
    public static Map<String, Integer> sizesOf(List<ServerRef> servers) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        servers.forEach(r -> sizes.merge(r.application(), 1, Integer::sum));
        return sizes;
    }

    /** How many of the application's servers may be down at once: all but one, when it has more than one. */
    static int cap(Map<String, Integer> sizes, String application) {
        int n = sizes.getOrDefault(application, 1);
        return n > 1 ? n - 1 : Integer.MAX_VALUE;
    }

    /** True when the keep-one-up rule limits how many servers of this application reboot at once. */
    boolean limitsReboots(String application) {
        return cap(applicationSizes, application) != Integer.MAX_VALUE;
    }

    private static List<String> notes(List<ServerRef> servers, Map<String, Integer> sizes, RunOptions options, int size) {
        List<String> notes = new ArrayList<>();
        Map<String, Integer> selected = sizesOf(servers);
        boolean rebooting = options.reboot() != RunOptions.Reboot.NONE;
        for (Map.Entry<String, Integer> e : selected.entrySet()) {
            int cap = cap(sizes, e.getKey());
            int appSize = sizes.getOrDefault(e.getKey(), e.getValue());
            if (!options.keepOneUp()) {
                if (appSize > 1 && e.getValue() >= appSize && rebooting) {
                    notes.add(e.getKey() + ": keep-one-up is off; all " + appSize + " of its servers may be down at once");
                }
                continue;
            }
            if (cap == Integer.MAX_VALUE) {
                continue;
            }
            if (options.strategy() == RunOptions.Strategy.ROLLING && Math.min(e.getValue(), size) > cap) {
                notes.add(e.getKey() + " has " + appSize + " servers: at most " + cap
                        + " per batch, so one stays up (servers re-ordered into batches)");
            } else if (options.strategy() == RunOptions.Strategy.PARALLEL && rebooting
                    && Math.min(e.getValue(), options.concurrency()) > cap) {
                notes.add(e.getKey() + " has " + appSize + " servers: at most " + cap
                        + " reboot at the same time, so one stays up");
            }
        }
        return notes;
    }
}
