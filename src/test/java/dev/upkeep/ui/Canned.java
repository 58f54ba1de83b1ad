package dev.upkeep.ui;

import dev.upkeep.fleet.ServerStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Believable statuses for tests and the demo window. */
public final class Canned {
    public static final Instant NOW = Instant.now();

    private Canned() {
    }

    public static ServerStatus healthy(String app, String server) {
        return new ServerStatus(app, server, true, null, "Ubuntu 22.04.4 LTS", "5.15.0-105-generic", "5.15.0-105-generic",
                "b7c1e2d4-0000-4000-8000-000000000001", 12L * 86400 + 3 * 3600, false, List.of(), null, 0, 3,
                NOW.minus(Duration.ofHours(2)), true, "24.0.7", "2.8.1", NOW);
    }

    public static ServerStatus rebootRequired(String app, String server) {
        return new ServerStatus(app, server, true, null, "Ubuntu 22.04.4 LTS", "5.15.0-101-generic", "5.15.0-105-generic",
                "b7c1e2d4-0000-4000-8000-000000000002", 41L * 86400, true, List.of("linux-image-5.15.0-105-generic", "libc6"),
                NOW.minus(Duration.ofDays(3)), 0, 1, NOW.minus(Duration.ofHours(5)), true, "24.0.7", "2.8.1", NOW);
    }

    public static ServerStatus securityPending(String app, String server) {
        return new ServerStatus(app, server, true, null, "Debian GNU/Linux 12 (bookworm)", "6.1.0-18-amd64", "6.1.0-18-amd64",
                "b7c1e2d4-0000-4000-8000-000000000003", 5L * 3600, false, List.of(), null, 7, 12,
                NOW.minus(Duration.ofDays(4)), false, "20.10.24", null, NOW);
    }

    /** Answered, but its output stopped early: kernel and OS known, reboot and pending updates unknown. */
    public static ServerStatus partlyKnown(String app, String server) {
        return new ServerStatus(app, server, true, null, "Debian GNU/Linux 12 (bookworm)", "6.1.0-18-amd64", null,
                "b7c1e2d4-0000-4000-8000-000000000004", 3600L, null, List.of(), null, null, null, null, null, null, null, NOW);
    }

    public static ServerStatus unreachable(String app, String server) {
        return ServerStatus.unreachable(app, server, "connect to " + server + ":22: Connection timed out after 10 s", NOW);
    }
}
