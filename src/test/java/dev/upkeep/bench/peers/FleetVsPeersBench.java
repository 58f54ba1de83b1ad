package dev.upkeep.bench.peers;

import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code status --json} of N test-fleet servers against parallel-ssh (curve25519 and OpenSSH's default key exchange)
 * and Ansible ad-hoc, alternating A B C D … each round, medians and ratios as markdown. Run on purpose through
 * bench/fleet-vs-peers, never in the suite. Arguments: {@code N ROUNDS UPKEEP_LAUNCHER JAR}; ROUNDS 0 holds the fleet for measuring by hand. A command-line tool:
 * it prints to stdout.
 */
public final class FleetVsPeersBench {
    private FleetVsPeersBench() {
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
        boolean pssh = BenchMachine.onPath("parallel-ssh");
        boolean ansible = BenchMachine.onPath("ansible");
        Path dir = Files.createTempDirectory("upkeep-fleet-vs-peers");
        boolean allComplete;
        // Unattended-upgrades brings python3, which Ansible's shell module needs on the server (a cached layer).
        try (TestFleet fleet = TestFleet.start(FleetOptions.servers(n).allWithUnattendedUpgrades());
             RoundRunner runner = new RoundRunner(dir)) {
            BenchFiles files = BenchFiles.write(fleet, dir, jar);
            String timing = "-Dupkeep.timing=DEBUG";
            List<Contestant> contestants = Contestants.all(files, launcher, pssh, ansible, timing,
                    System.getenv().getOrDefault("BENCH_UPKEEP_VARIANT", ""));
            System.out.printf("%d servers, %d rounds, contestants in turn: %s%n", n, rounds,
                    String.join(" | ", contestants.stream().map(Contestant::name).toList()));
            if (!pssh || !ansible) {
                System.out.println("skipped (not installed):" + (pssh ? "" : " parallel-ssh") + (ansible ? "" : " ansible"));
            }
            if (rounds == 0) {
                hold(files);
                return;
            }
            PeerTable table = new PeerTable();
            List<Double> loads = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                for (Contestant c : contestants) {
                    loads.add(BenchMachine.loadAverage());
                    Measured m = runner.run(c, r);
                    table.add(m);
                    System.out.printf(Locale.ROOT, "round %d  %-36s %6d ms wall %6d ms CPU %5d MB%s%n", r, c.name(),
                            m.wallMs(), m.cpuMs(), m.peakRssKb() / 1024, m.complete() ? "" : "  INCOMPLETE: " + m.problem());
                }
            }
            System.out.println();
            System.out.print(table.markdown(List.of(Contestants.UPKEEP, Contestants.UPKEEP_CURVE)));
            TimingSummary timings = new TimingSummary();
            for (int r = 1; r <= rounds; r++) {
                if (Files.exists(runner.stderr(contestants.get(0).name(), r))) {
                    timings.addRun(runner.stderr(contestants.get(0).name(), r));
                }
            }
            System.out.println("\nWhere the time goes: " + Contestants.UPKEEP + " (timing lines of every round)\n");
            System.out.print(timings.markdown());
            System.out.println();
            System.out.println(BenchMachine.describe(loads));
            table.problems().forEach(p -> System.out.println("incomplete round: " + p));
            System.out.println("Outputs of every round: " + dir);
            allComplete = table.problems().isEmpty();
        }
        System.exit(allComplete ? 0 : 1);
    }

    /** ROUNDS 0: keep the fleet and the files up for measuring by hand (JFR, debug timings) until Enter. */
    private static void hold(BenchFiles files) throws IOException {
        System.out.println("Fleet and files ready in " + files.dir() + "; try:");
        System.out.println("  HOME=" + files.home() + " ./upkeep --workspace " + files.workspace() + " status --json");
        System.out.println("Press Enter to stop.");
        System.in.read();
    }
}
