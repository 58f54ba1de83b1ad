package dev.upkeep.bench;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.remote.HistoryRead;
import dev.upkeep.remote.PatchFacts;
import dev.upkeep.remote.ProbeCache;
import dev.upkeep.remote.RestartCheck;
import dev.upkeep.remote.StatusProbe;
import dev.upkeep.remote.StatusRoundTrip;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status probe's cost with and without its server-side cache. Part 1: server CPU (user + sys of the probe's
 * processes, from bash's {@code times}) per probe on one server of each OS, run RUNS times inside the server: uncached
 * (the probe before the cache), recomputing and saving, and answered from the cache. Part 2: wall time of a second,
 * pooled refresh of N Debian 12 servers (the window's path), every probe recomputing vs answered from the cache,
 * alternating. Run on purpose (bench/status-probe [N] [ROUNDS] [RUNS] [BASELINE]), not in the suite; a tool, so it
 * prints. N = 0 skips part 2; BASELINE is another probe script (e.g. an older status.sh) measured beside the others.
 */
public final class StatusProbeBench {
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

    private StatusProbeBench() {
    }

    public static void main(String[] args) throws Exception {
        int servers = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String baseline = args.length > 3 ? Files.readString(Path.of(args[3])) : null;
        TestFleet.unavailableReason().ifPresent(reason -> {
            System.err.println("Cannot start the test fleet: " + reason);
            System.exit(2);
        });
        System.out.printf("cpus=%d runs=%d (load: %s)%n", Runtime.getRuntime().availableProcessors(), runs,
                Files.readString(Path.of("/proc/loadavg")).strip());
        try (TestFleet fleet = TestFleet.start(FleetOptions.onePerOs())) {
            List<String> facts = new ArrayList<>();
            System.out.println("| OS | baseline | uncached | recompute + save | from the cache | ratio |");
            System.out.println("|---|---|---|---|---|---|");
            for (TestServer s : fleet.servers()) {
                s.run("apt-get -q update");
                double base = baseline == null ? Double.NaN : cpuPerProbe(s, baseline, runs);
                double off = cpuPerProbe(s, ProbeCache.OFF, runs);
                double refresh = cpuPerProbe(s, ProbeCache.REFRESH, runs);
                waitForHit(s);
                double hit = cpuPerProbe(s, ProbeCache.USE, runs);
                System.out.printf("| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f× less |%n", s.release().prettyName(),
                        base, off, refresh, hit, (baseline == null ? off : base) / hit);
                facts.add(String.format("| %s | %.1f ms | %.1f ms | %.1f ms | %s |", s.release().prettyName(),
                        cpuPerProbe(s, RestartCheck.script() + "\nset -- recent 0\n" + HistoryRead.script(), runs),
                        cpuPerProbe(s, RestartCheck.script(), runs),
                        cpuPerProbe(s, "set -- recent 0\n" + HistoryRead.script(), runs), perRefresh(s, runs)));
            }
            System.out.println("| OS | patch facts as root (uncached) | restart check | history (uncached) |"
                    + " per refresh, both cached: two commands / one (alternating) |");
            System.out.println("|---|---|---|---|---|");
            facts.forEach(System.out::println);
        }
        if (servers == 0) {
            return;
        }
        try (TestFleet fleet = TestFleet.start(servers)) {
            for (TestServer s : fleet.servers()) {
                s.run("apt-get -q update");
            }
            Path dir = Files.createTempDirectory("upkeep-bench");
            Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers());
            List<Long> recomputed = new ArrayList<>();
            List<Long> cached = new ArrayList<>();
            try (SshStatusService service = new SshStatusService()) {
                refresh(service, ws, servers, false); // connects, and fills the caches
                for (TestServer s : fleet.servers()) {
                    waitForHit(s);
                }
                for (int r = 0; r < rounds; r++) {
                    recomputed.add(refresh(service, ws, servers, true));
                    cached.add(refresh(service, ws, servers, false));
                }
            }
            System.out.printf("second refresh (pooled), %d servers, concurrency %d, %d rounds: every probe recomputing"
                    + " median %d ms (min %d), from the cache median %d ms (min %d)%n", servers,
                    ws.settings().concurrency(), rounds, median(recomputed), Collections.min(recomputed),
                    median(cached), Collections.min(cached));
        }
    }

    /** user + sys of RUNS probes' processes inside the server, per probe, in ms. */
    private static double cpuPerProbe(TestServer server, ProbeCache cache, int runs) {
        return cpuPerProbe(server, StatusProbe.script(cache), runs);
    }

    private static double cpuPerProbe(TestServer server, String script, int runs) {
        server.writeFile("/root/bench-probe.sh", script.getBytes(StandardCharsets.UTF_8));
        String out = server.run("bash -c 'for i in $(seq " + runs + "); do sh /root/bench-probe.sh >/dev/null; done; times'");
        String children = out.strip().lines().reduce((a, b) -> b).orElseThrow();
        Matcher m = TIMES.matcher(children);
        if (!m.find()) {
            throw new IllegalStateException("cannot read times: " + out);
        }
        double seconds = Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4));
        return seconds * 1000 / runs;
    }

    /**
     * Server CPU of one refresh with both caches warm, alternating: before, the probe and then the patch facts as two
     * commands (two shells); now, the one command whose facts answer apt's history from their cache.
     */
    private static String perRefresh(TestServer server, int runs) throws InterruptedException {
        server.writeFile("/root/bench-facts-old.sh", (RestartCheck.script() + "\nset -- recent 0\n" + HistoryRead.script())
                .getBytes(StandardCharsets.UTF_8));
        server.writeFile("/root/bench-facts.sh", PatchFacts.stdin());
        server.writeFile("/root/bench-trip.sh", StatusRoundTrip.script(ProbeCache.USE, false).getBytes(StandardCharsets.UTF_8));
        waitForHit(server);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!server.call("HOME=/root sh /root/bench-facts.sh").stderr().contains("facts_cache=hit")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(server + ": the facts never answered from their cache");
            }
            Thread.sleep(200); // polling a condition on the server; a bench, not a test
        }
        List<Double> before = new ArrayList<>();
        List<Double> now = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(cpu(server, "sh /root/bench-probe.sh >/dev/null; sh /root/bench-facts-old.sh", runs));
            now.add(cpu(server, "sh /root/bench-trip.sh < /root/bench-facts.sh", runs));
        }
        Collections.sort(before);
        Collections.sort(now);
        return String.format("%.1f ms / %.1f ms", before.get(1), now.get(1));
    }

    /** user + sys of RUNS runs of a shell command line inside the server (HOME=/root, as root logs in), per run, in ms. */
    private static double cpu(TestServer server, String commandLine, int runs) {
        String out = server.run("HOME=/root bash -c 'for i in $(seq " + runs + "); do " + commandLine
                + " >/dev/null 2>&1; done; times'");
        return childTimes(out) * 1000 / runs;
    }

    private static double childTimes(String out) {
        String children = out.strip().lines().reduce((a, b) -> b).orElseThrow();
        Matcher m = TIMES.matcher(children);
        if (!m.find()) {
            throw new IllegalStateException("cannot read times: " + out);
        }
        return Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4));
    }

    /** A state is cached once its files are two seconds old: probes until the answer comes from the cache. */
    private static void waitForHit(TestServer server) throws InterruptedException {
        server.writeFile("/root/bench-probe.sh", StatusProbe.script(ProbeCache.USE).getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!server.run("sh /root/bench-probe.sh").contains("\ncache=hit\n")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(server + ": the probe never answered from its cache; its answer and the"
                        + " key files changed in the last 10 s:\n" + server.run("sh /root/bench-probe.sh; now=$(date +%s);"
                        + " echo now=$now HOME=$HOME XDG_CACHE_HOME=$XDG_CACHE_HOME; find -L /var/lib/dpkg /var/lib/apt"
                        + " /etc/apt /etc/machine-id /root/.cache -maxdepth 2 \\( -newermt @$((now-10)) -o -newerct"
                        + " @$((now-10)) \\) -printf '%i %s %T@ %C@ %m %p\\n' 2>&1 | head -40"));
            }
            Thread.sleep(200); // polling a condition on the server; a bench, not a test
        }
    }

    private static long refresh(SshStatusService service, Workspace ws, int expected, boolean recompute) throws Exception {
        long start = System.nanoTime();
        List<ServerStatus> result = service.refresh(ws, ServerRef.all(ws), false, recompute, (ref, s) -> {
        }).completion().get(5, TimeUnit.MINUTES);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long ok = result.stream().filter(ServerStatus::reachable).count();
        if (ok != expected) {
            throw new IllegalStateException(ok + " of " + expected + " answered");
        }
        return millis;
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
