package dev.upkeep.ssh;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH sshd on 127.0.0.1 and a free port, with its own host keys, authorized_keys and pid file in a
 * scratch directory. Runs as root (then logins are as root); tests skip where that isn't possible.
 */
final class LocalSshd implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final List<String> ALL_HOST_KEYS = List.of("ed25519", "ecdsa", "rsa");

    private final Path dir;
    private final int port;
    private final Process process;

    private LocalSshd(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static void assumeAvailable() {
        Assumptions.assumeTrue(Files.isExecutable(SSHD), "OpenSSH server (/usr/sbin/sshd) is not installed");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "sshd test servers need root (sshd as non-root only accepts its own user and needs /run/sshd)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen is not installed");
    }

    /** Starts sshd with fresh host keys of the given types on a free port. */
    static LocalSshd start(Path dir, Path authorizedKeys, List<String> hostKeyTypes) throws Exception {
        return start(dir, authorizedKeys, hostKeyTypes, 0);
    }

    /** As above on {@code port} (0 = any free one), e.g. to impersonate a server that just went away. */
    static LocalSshd start(Path dir, Path authorizedKeys, List<String> hostKeyTypes, int port) throws Exception {
        return start(dir, authorizedKeys, hostKeyTypes, port, List.of());
    }

    /**
     * As above with {@code extraConfig} lines first in sshd_config (sshd takes the first value of a keyword), e.g.
     * {@code KexAlgorithms diffie-hellman-group14-sha1} for a server that offers only that.
     */
    static LocalSshd start(Path dir, Path authorizedKeys, List<String> hostKeyTypes, int port,
                           List<String> extraConfig) throws Exception {
        assumeAvailable();
        Files.createDirectories(dir);
        Files.createDirectories(Path.of("/run/sshd"));
        StringBuilder cfg = new StringBuilder();
        extraConfig.forEach(line -> cfg.append(line).append('\n'));
        for (String type : hostKeyTypes) {
            Path key = dir.resolve("ssh_host_" + type + "_key");
            if (!Files.exists(key)) {
                TestKeys.run("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString());
            }
            cfg.append("HostKey ").append(key).append('\n');
        }
        int chosen = port != 0 ? port : freePort();
        cfg.append("Port ").append(chosen).append('\n')
                .append("ListenAddress 127.0.0.1\n")
                .append("PidFile ").append(dir.resolve("sshd.pid")).append('\n')
                .append("AuthorizedKeysFile ").append(authorizedKeys).append('\n')
                .append("UsePAM no\nStrictModes no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n")
                .append("PermitRootLogin prohibit-password\nAllowTcpForwarding yes\nLogLevel VERBOSE\n");
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, cfg);
        Path log = dir.resolve("sshd.log");
        Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalSshd sshd = new LocalSshd(dir, chosen, p);
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
                if (!p.isAlive()) {
                    throw new IllegalStateException("sshd exited: " + Files.readString(log));
                }
                return accepts(chosen);
            });
        } catch (RuntimeException e) {
            sshd.close();
            throw e;
        }
        return sshd;
    }

    int port() {
        return port;
    }

    Path hostPublicKey(String type) {
        return dir.resolve("ssh_host_" + type + "_key.pub");
    }

    /** The known_hosts line for this server's key of {@code type}. */
    String knownHostsLine(String type) throws IOException {
        String[] pub = Files.readString(hostPublicKey(type)).strip().split("\\s+");
        return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1] + "\n";
    }

    /** The fingerprint as {@code ssh-keygen -lf} prints it. */
    String fingerprint(String type) throws Exception {
        return TestKeys.run("ssh-keygen", "-lf", hostPublicKey(type).toString()).split(" ")[1];
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"), StandardCharsets.UTF_8);
    }

    /** Kills sshd and every session process it forked, like a server that dies. */
    void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(h -> h.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join());
    }

    /** SIGSTOPs the session processes sshd forked: a server that hangs without closing anything. */
    void freezeSessions() throws Exception {
        String pids = process.descendants().map(h -> Long.toString(h.pid())).reduce("", (a, b) -> a + " " + b);
        TestKeys.run("sh", "-c", "kill -STOP" + pids);
    }

    @Override
    public void close() {
        kill();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
