package dev.upkeep.bench;

import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshConnector;
import dev.upkeep.ssh.SshOptions;
import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Client CPU per SSH handshake for each key exchange, against a real OpenSSH 10.0 sshd (a Debian 13 test-fleet
 * server, every one of them allowed) on loopback: Upkeep's connector (connect, key exchange, public-key login, close), then OpenSSH's own
 * clients doing the same ({@code ssh -o KexAlgorithms=X host true}): this machine's OpenSSH 9.2 and Debian 13's
 * OpenSSH 10.0 (run inside the server's namespaces). Run on purpose: {@code bench/kex-handshake [N]}.
 * A command-line tool, so it prints to stdout.
 */
public final class KexHandshakeBench {
    private static final List<String> KEXES = List.of("mlkem768x25519-sha256", "sntrup761x25519-sha512",
            "curve25519-sha256", "ecdh-sha2-nistp256", "ecdh-sha2-nistp521", "diffie-hellman-group14-sha256",
            "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512");
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private KexHandshakeBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        TestFleet.unavailableReason().ifPresent(reason -> {
            System.err.println("Cannot start the test fleet: " + reason);
            System.exit(2);
        });
        System.out.printf("machine: %s, %d CPUs, %s; JDK %s; %d handshakes per row (after %d warm-up)%n",
                cpuModel(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " "
                        + System.getProperty("os.version"), System.getProperty("java.version"), n, warmUp(n));
        try (TestFleet fleet = TestFleet.start(FleetOptions.servers(1).release(DebianRelease.DEBIAN_13))) {
            TestServer server = fleet.server(0);
            // OpenSSH 10's sshd no longer offers finite-field Diffie-Hellman by default.
            server.sshdOptions("KexAlgorithms " + String.join(",", KEXES));
            System.out.println();
            System.out.println("| client | key exchange | client CPU per handshake | wall time per handshake |");
            System.out.println("|---|---|---|---|");
            // Warm every key exchange up first, so that the JIT's work on the shared code path (sshj's transport,
            // authentication) is not charged to whichever row happens to come first.
            for (String kex : KEXES) {
                upkeep(fleet, server, kex, warmUp(n), false);
            }
            for (String kex : KEXES) {
                upkeep(fleet, server, kex, n, true);
            }
            for (String kex : List.of("sntrup761x25519-sha512", "curve25519-sha256")) {
                hostSsh(fleet, server, kex, n);
            }
            for (String kex : List.of("mlkem768x25519-sha256", "sntrup761x25519-sha512", "curve25519-sha256")) {
                debian13Ssh(fleet, server, kex, n);
            }
        }
        KexComputationBench.print(n * 10);
    }

    private static int warmUp(int n) {
        return Math.max(20, n / 4);
    }

    /** Upkeep's connector, limited to one key exchange by ~/.ssh/config, as a user would. */
    private static void upkeep(TestFleet fleet, TestServer server, String kex, int n, boolean report) throws Exception {
        Path config = fleet.tempDir().resolve("bench-ssh-config");
        Files.writeString(config, "Host bench\n  HostName 127.0.0.1\n  Port " + server.port() + "\n  User root\n"
                + "  KexAlgorithms " + kex + "\n");
        SshOptions options = new SshOptions(config, fleet.knownHosts(), Duration.ofSeconds(20), Duration.ZERO, 3, null);
        ConnectRequest request = new ConnectRequest("bench", null, null, fleet.clientKey());
        try (SshConnector connector = new SshConnector(options, PassphraseProvider.NONE)) {
            try (SshConnection c = connector.connect(request)) {
                if (!kex.equals(c.negotiated().kex())) {
                    throw new IllegalStateException("negotiated " + c.negotiated().kex() + ", not " + kex);
                }
            }
            long cpu = OS.getProcessCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < n; i++) {
                connector.connect(request).close();
            }
            if (report) {
                row("Upkeep (sshj 0.40.0)", kex, (OS.getProcessCpuTime() - cpu) / 1e6 / n,
                        (System.nanoTime() - wall) / 1e6 / n);
            }
        }
    }

    private static String loop(String ssh, String key, String knownHosts, int port, String kex, int n) {
        return "start=$(date +%s%N); for i in $(seq " + n + "); do " + ssh + " -F /dev/null -i " + key
                + " -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile="
                + knownHosts + " -o KexAlgorithms=" + kex + " -p " + port + " root@127.0.0.1 true || exit 1; done;"
                + " end=$(date +%s%N); times; echo $(( (end - start) / 1000000 ))";
    }

    /** This machine's own ssh (OpenSSH 9.2: no ML-KEM). */
    private static void hostSsh(TestFleet fleet, TestServer server, String kex, int n) throws Exception {
        String version = run(List.of("ssh", "-V")).strip().split(",")[0];
        String out = run(List.of("bash", "-c", loop("ssh", fleet.clientKey().toString(), fleet.knownHosts().toString(),
                server.port(), kex, n)));
        report(version + " (this machine)", kex, out, n);
    }

    /** Debian 13's ssh (OpenSSH 10.0), run inside the server's namespaces against its own sshd. */
    private static void debian13Ssh(TestFleet fleet, TestServer server, String kex, int n) throws Exception {
        server.writeFile("/root/bench_key", Files.readAllBytes(fleet.clientKey()));
        server.writeFile("/root/bench_known_hosts", Files.readAllBytes(fleet.knownHosts()));
        server.run("chmod 600 /root/bench_key");
        String version = server.call("ssh -V").stderr().strip().split(",")[0];
        server.writeFile("/root/bench.sh", loop("ssh", "/root/bench_key", "/root/bench_known_hosts", server.port(), kex, n)
                .getBytes(StandardCharsets.UTF_8));
        report(version + " (Debian 13)", kex, server.run("bash /root/bench.sh"), n);
    }

    /** Parses bash's {@code times} (children's user and system time on its second line) and the wall time. */
    private static void report(String client, String kex, String out, int n) {
        String[] lines = out.strip().split("\n");
        String[] children = lines[lines.length - 2].trim().split("\\s+");
        double cpuMs = seconds(children[0]) * 1000 + seconds(children[1]) * 1000;
        row(client, kex, cpuMs / n, Double.parseDouble(lines[lines.length - 1].trim()) / n);
    }

    private static double seconds(String bashTime) {
        String[] mAndS = bashTime.replace("s", "").split("m");
        return Integer.parseInt(mAndS[0]) * 60 + Double.parseDouble(mAndS[1]);
    }

    private static void row(String client, String kex, double cpuMs, double wallMs) {
        System.out.printf("| %s | %s | %.1f ms | %.1f ms |%n", client, kex, cpuMs, wallMs);
    }

    private static String cpuModel() throws Exception {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
