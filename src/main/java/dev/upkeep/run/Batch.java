package dev.upkeep.run;

import java.util.List;

/** One step of a rollout: these servers run together; the next batch starts when all of them have finished. */
public record Batch(int number, List<ServerRef> servers) {
    public Batch {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("an empty batch");
        }
    }
}
