package dev.upkeep.testfleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Starts a test fleet by hand (for manual tries and screenshots), prints how to reach it, and keeps it up until
 * Enter, end of input or Ctrl-C. Arguments: {@code [count] [--unattended-upgrades] [--debian13]}.
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java -cp "$(cat target/test-classpath.txt):target/classes:target/test-classes" dev.upkeep.testfleet.TestFleetMain 5
 * </pre>
 * A command-line tool for people, so it prints to stdout.
 */
public final class TestFleetMain {
    private TestFleetMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int count = 3;
        boolean unattendedUpgrades = false;
        DebianRelease release = DebianRelease.DEBIAN_12;
        for (String arg : args) {
            if (arg.matches("\\d+")) {
                count = Integer.parseInt(arg);
            } else if (arg.equals("--unattended-upgrades")) {
                unattendedUpgrades = true;
            } else if (arg.equals("--debian13")) {
                release = DebianRelease.DEBIAN_13;
            } else {
                System.err.println("usage: TestFleetMain [count] [--unattended-upgrades] [--debian13]");
                System.exit(2);
            }
        }
        FleetOptions options = FleetOptions.servers(count).rebootDelay(Duration.ofSeconds(3)).release(release);
        if (unattendedUpgrades) {
            options.allWithUnattendedUpgrades();
        }
        var problem = TestFleet.unavailableReason();
        if (problem.isPresent()) {
            System.err.println("Cannot start the test fleet: " + problem.get());
            System.exit(2);
        }
        long started = System.nanoTime();
        try (TestFleet fleet = TestFleet.start(options)) {
            System.out.printf("%d servers up in %d ms%n", count, (System.nanoTime() - started) / 1_000_000);
            System.out.println("client key:   " + fleet.clientKey());
            System.out.println("known_hosts:  " + fleet.knownHosts());
            System.out.println("apt repo:     " + fleet.repo().url());
            for (TestServer server : fleet.servers()) {
                System.out.printf("%s  ssh -i %s -o UserKnownHostsFile=%s -p %d root@127.0.0.1   (or deploy@)"
                        + "   boot id %s%n", server.name(), fleet.clientKey(), fleet.knownHosts(), server.port(),
                        server.bootId());
            }
            System.out.println("Press Enter (or Ctrl-C) to stop the fleet.");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
    }
}
