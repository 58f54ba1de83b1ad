package dev.upkeep.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The demo servers' past: a few upgrades before the demo started, as their apt and unattended-upgrades logs keep them.
 * The last security upgrade lies 8–40 days back, different on each server, so that the "Last security upgrade" column
 * and the report's patch-age warning (14 days by default) show both sides. An upgrade after the server's last boot
 * leaves the services that use the package running the old copy (shop-web3: nginx and ssh after a libssl3 upgrade).
 */
final class DemoHistory {
    /** Days since each server's last security upgrade. */
    private static final Map<String, Integer> LAST_SECURITY = Map.ofEntries(
            Map.entry("shop-web1", 12), Map.entry("shop-web2", 38), Map.entry("shop-web3", 8),
            Map.entry("shop-worker1", 33), Map.entry("shop-worker2", 27), Map.entry(DemoScenario.UNTRUSTED, 10),
            Map.entry("api1", 19), Map.entry("api2", 13), Map.entry("api3", 11),
            Map.entry("db1", 40), Map.entry("db2", 31), Map.entry("db3", 9));
    private static final String PERSON = "ops (1000)";

    private DemoHistory() {
    }

    static void seed(List<SimHost> hosts, Instant now) {
        for (SimHost h : hosts) {
            if (h.application.equals("db")) {
                h.services().add("postgresql@15-main.service");
            } else if (h.name.startsWith("shop-web") || h.application.equals("api")) {
                h.services().add("nginx.service");
            }
            int days = LAST_SECURITY.getOrDefault(h.name, 20);
            Instant booted = now.minus(h.uptime(now));
            boolean ubuntu = h.os.ubuntu();
            add(h, unattended(h, at(now, days + 26, h), ubuntu
                    ? change("libexpat1", "2.4.7-1ubuntu0.2", "2.4.7-1ubuntu0.3", true)
                    : change("libexpat1", "2.5.0-1", "2.5.0-1+deb12u1", true)), booted);
            add(h, new AptEntry(at(now, days + 5, h).plusSeconds(3 * 3600), at(now, days + 5, h).plusSeconds(3 * 3600 + 4),
                    "apt install htop", PERSON, List.of(new AptEntry.Change("htop", null, ubuntu ? "3.0.5-7build2" : "3.2.2-2",
                    false)), null), booted);
            List<AptEntry.Change> last = h.name.equals("shop-web3")
                    ? List.of(change("libssl3", "3.0.2-0ubuntu1.12", "3.0.2-0ubuntu1.15", true),
                    change("openssl", "3.0.2-0ubuntu1.12", "3.0.2-0ubuntu1.15", true))
                    : List.of(ubuntu ? change("libxml2", "2.9.13+dfsg-1ubuntu0.3", "2.9.13+dfsg-1ubuntu0.4", true)
                    : change("libxml2", "2.9.14+dfsg-1.3~deb12u0", "2.9.14+dfsg-1.3~deb12u1", true));
            add(h, unattended(h, at(now, days, h), last.toArray(AptEntry.Change[]::new)), booted);
        }
    }

    /**
     * 06:MM, as the daily apt-daily-upgrade timer starts it (a different minute on each server), on the last such
     * morning that is at least {@code daysAgo} whole days back: before 06:MM today that is one calendar day earlier,
     * so the history always says "N days ago" whatever the time of day.
     */
    private static Instant at(Instant now, int daysAgo, SimHost h) {
        Instant limit = now.minus(Duration.ofDays(daysAgo));
        Instant morning = limit.truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofHours(6).plusMinutes(Math.floorMod(h.name.hashCode(), 50)).plusSeconds(17));
        return morning.isAfter(limit) ? morning.minus(Duration.ofDays(1)) : morning;
    }

    private static AptEntry unattended(SimHost h, Instant start, AptEntry.Change... changes) {
        Instant end = start.plusSeconds(6L + 3L * changes.length);
        h.patchLog().add(new UnattendedRun(start.minusSeconds(2), end, h.os.allowedOrigins(),
                List.of(changes).stream().map(AptEntry.Change::pkg).toList(), false));
        return new AptEntry(start, end, AptEntry.UNATTENDED, null, List.of(changes), null);
    }

    private static void add(SimHost h, AptEntry e, Instant booted) {
        h.patchLog().add(e);
        if (e.start().isAfter(booted)) {
            for (AptEntry.Change c : e.changes()) {
                h.services().replaced(c.pkg());
            }
        }
    }

    private static AptEntry.Change change(String pkg, String from, String to, boolean security) {
        return new AptEntry.Change(pkg, from, to, security);
    }
}
