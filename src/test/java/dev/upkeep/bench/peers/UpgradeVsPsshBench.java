package dev.upkeep.bench.peers;

import dev.upkeep.testfleet.DemoPackages;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The security upgrade of N test-fleet servers (Debian 12, each with the demo security update pending): Upkeep's
 * {@code upgrade --security --yes} against {@code parallel-ssh -p N} running Upkeep's own upgrade job, alternating
 * A B each round, each turn on a fleet started fresh for it (outside the timing), so every contestant upgrades
 * identical servers. After each turn dpkg on every server must show the new version, or the round is reported and
 * left out of the medians. Run on purpose through bench/upgrade-vs-pssh, never in the suite. Arguments:
 * {@code N ROUNDS UPKEEP_LAUNCHER JAR}. A command-line tool: it prints to stdout.
 */
public final class UpgradeVsPsshBench {
    private static final UpgradeCheck FRESH = new UpgradeCheck(DemoPackages.SECURITY_PACKAGE, "1.0", DemoPackages.OTHER_PACKAGE, "1.0");
    private static final UpgradeCheck UPGRADED = new UpgradeCheck(DemoPackages.SECURITY_PACKAGE,
            DemoPackages.securityUpdate().version(), DemoPackages.OTHER_PACKAGE, "1.0");

    private UpgradeVsPsshBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Path launcher = Path.of(args[2]).toAbsolutePath();
        Path jar = Path.of(args[3]).toAbsolutePath();
        TestFleet.unavailableReason().ifPresent(reason -> {
            System.err.println("Cannot start the test fleet: " + reason);
            System.exit(2);
        });
        String job = SecurityJob.fromJar(jar);
        boolean pssh = BenchMachine.onPath("parallel-ssh");
        List<String> names = UpgradeContestants.names(System.getenv("BENCH_CURVE25519") != null).stream()
                .filter(c -> pssh || c.startsWith("Upkeep")).toList();
        Path dir = Files.createTempDirectory("upkeep-upgrade-vs-pssh");
        System.out.printf("%d servers, %d rounds, a fresh fleet for every turn, contestants in turn: %s%n", n, rounds,
                String.join(" | ", names));
        if (!pssh) {
            System.out.println("skipped (not installed): parallel-ssh");
        }
        PeerTable table = new PeerTable();
        TimingSummary timings = new TimingSummary();
        List<Double> loads = new ArrayList<>();
        try (RoundRunner runner = new RoundRunner(dir)) {
            for (int r = 1; r <= rounds; r++) {
                for (String name : names) {
                    loads.add(BenchMachine.loadAverage());
                    Measured m = turn(name, r, n, dir, runner, launcher, jar, job, timings);
                    table.add(m);
                    System.out.printf(Locale.ROOT, "round %d  %-40s %6d ms wall %6d ms CPU %5d MB%s%n", r, name,
                            m.wallMs(), m.cpuMs(), m.peakRssKb() / 1024, m.complete() ? "" : "  NOT COUNTED: " + m.problem());
                }
            }
        }
        System.out.println();
        System.out.print(table.markdown(names.stream().filter(c -> c.startsWith("Upkeep")).toList()));
        if (!timings.isEmpty()) {
            System.out.println("\nWhere the time goes: " + UpgradeContestants.UPKEEP + " (timing lines and run history of every counted round)\n");
            System.out.print(timings.markdown());
        }
        System.out.println();
        System.out.println(BenchMachine.describe(loads));
        table.problems().forEach(p -> System.out.println("round not counted: " + p));
        System.out.println("Outputs of every round: " + dir);
        System.exit(table.problems().isEmpty() ? 0 : 1);
    }

    /**
     * One contestant's turn on a fleet of its own: started, checked fresh, timed, checked upgraded, stopped; Upkeep's
     * counted turns add their timing lines and their run history's phases to {@code timings}.
     */
    private static Measured turn(String name, int round, int n, Path dir, RoundRunner runner, Path launcher, Path jar,
                                 String job, TimingSummary timings) throws Exception {
        try (TestFleet fleet = TestFleet.start(FleetOptions.servers(n).allWithUnattendedUpgrades())) {
            String notFresh = FRESH.problem(installed(fleet, FRESH));
            if (notFresh != null) {
                throw new IllegalStateException("the fresh fleet is not as expected before " + name + ": " + notFresh);
            }
            Path files = Files.createDirectories(dir.resolve("files-" + round + "-" + name.replaceAll("[^A-Za-z0-9]+", "-")));
            BenchFiles f = BenchFiles.write(fleet, files, jar);
            // BENCH_UPKEEP_OPTS: more Java options for Upkeep's runs (a debug log, a flag under trial).
            String javaOptions = ("-Dupkeep.timing=DEBUG " + System.getenv().getOrDefault("BENCH_UPKEEP_OPTS", "")).strip();
            Contestant c = UpgradeContestants.make(name, f, launcher, javaOptions, job,
                    () -> UPGRADED.problem(installed(fleet, UPGRADED)));
            Measured m = runner.run(c, round);
            Path stderr = runner.stderr(name, round);
            if (name.equals(UpgradeContestants.UPKEEP) && m.complete() && Files.exists(stderr)) {
                timings.addRun(stderr);
                RunLogTimings.add(timings, f.home().resolve(".local/state/upkeep/runs"), stderr, ZoneId.systemDefault());
            }
            return m;
        }
    }

    /** Each server's installed versions, as the check's query prints them (null where the query failed). */
    private static Map<String, String> installed(TestFleet fleet, UpgradeCheck check) {
        Map<String, String> out = new LinkedHashMap<>();
        for (TestServer s : fleet.servers()) {
            var result = s.call(check.query());
            out.put(s.name(), result.exitCode() == 0 ? result.stdout() : null);
        }
        return out;
    }
}
