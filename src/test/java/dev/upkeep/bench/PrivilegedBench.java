package dev.upkeep.bench;

import dev.upkeep.remote.Privileged;
import dev.upkeep.remote.SudoPassword;
import dev.upkeep.remote.TestContext;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnector;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Wall time of one privileged script on a test-fleet server, per way of becoming root: as root (no sudo); under
 * sudo through the dialogue with NOPASSWD (the script waits for sudo's marker) and with a password (PAM checks
 * it every time: no timestamp outlives an SSH session); and, for comparison, the old passwordless way
 * ({@code sudo -n -- sh -s}, script written at once). Run on purpose (bench/privileged), not in the suite.
 * It is a command-line tool, so it prints to stdout.
 */
public final class PrivilegedBench {
    private static final String SCRIPT = "id -u\n";

    private PrivilegedBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        TestFleet.unavailableReason().ifPresent(reason -> {
            System.err.println("Cannot start the test fleet: " + reason);
            System.exit(2);
        });
        try (TestFleet fleet = TestFleet.start(1); SshConnector connector = TestContext.connector(fleet)) {
            TestServer server = fleet.server(0);
            try (TestContext root = TestContext.root(connector, fleet, server);
                 TestContext nopw = TestContext.sudoAs(connector, fleet, server, "nopw", null);
                 TestContext admin = TestContext.sudoAs(connector, fleet, server, "admin", password())) {
                System.out.printf("rounds=%d cpus=%d (loopback: network round trips cost next to nothing here)%n", rounds,
                        Runtime.getRuntime().availableProcessors());
                report("as root, sh -s", time(rounds, () -> Privileged.run(root, SCRIPT, OutputListener.IGNORE)));
                report("old: sudo -n -- sh -s, script at once", time(rounds, () -> nopw.connection()
                        .exec("sudo -n -- sh -s", SCRIPT.getBytes(StandardCharsets.UTF_8), OutputListener.IGNORE, Cancellation.none())));
                report("dialogue, NOPASSWD (waits for the marker)", time(rounds, () -> Privileged.run(nopw, SCRIPT, OutputListener.IGNORE)));
                report("dialogue, password (PAM checks it)", time(rounds, () -> Privileged.run(admin, SCRIPT, OutputListener.IGNORE)));
            }
        }
    }

    private static SudoPassword password() {
        return new SudoPassword() {
            @Override
            public String account() {
                return "admin@bench";
            }

            @Override
            public Attempt next() {
                return new Attempt(0, TestFleet.SUDO_PASSWORD.toCharArray());
            }

            @Override
            public void accepted(Attempt attempt) {
            }

            @Override
            public void rejected(Attempt attempt) {
                throw new IllegalStateException("the fleet's password was rejected");
            }

            @Override
            public boolean exhausted() {
                return false;
            }
        };
    }

    @FunctionalInterface
    private interface Command {
        void run() throws Exception;
    }

    private static List<Long> time(int rounds, Command command) throws Exception {
        for (int i = 0; i < 5; i++) {
            command.run(); // warm-up
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            command.run();
            micros.add((System.nanoTime() - t0) / 1000);
        }
        Collections.sort(micros);
        return micros;
    }

    private static void report(String what, List<Long> micros) {
        System.out.printf("%-45s median %6.1f ms   p90 %6.1f ms%n", what, micros.get(micros.size() / 2) / 1000.0,
                micros.get(micros.size() * 9 / 10) / 1000.0);
    }
}
