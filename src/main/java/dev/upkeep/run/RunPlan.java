package dev.upkeep.run;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * A run before it starts: its id (also the name of its history folder and of its jobs on the servers), the
 * options, and the servers in the order they start.
 */
public record RunPlan(String id, Instant created, RunOptions options, List<ServerPlan> servers) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    public RunPlan {
        servers = List.copyOf(servers);
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
}
