package dev.upkeep.ssh;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A real {@code ssh-agent -D} on its own socket, owned (and killed) by the test. */
final class TestAgent implements AutoCloseable {
    final Path socket;
    private final Process process;

    private TestAgent(Path socket, Process process) {
        this.socket = socket;
        this.process = process;
    }

    static TestAgent start(Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-agent")), "ssh-agent is not installed");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-add")), "ssh-add is not installed");
        Path socket = dir.resolve("agent.sock");
        Process p = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        TestAgent agent = new TestAgent(socket, p);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(socket) || !p.isAlive());
        return agent;
    }

    void add(Path key) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
        pb.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ssh-add failed: " + out);
        }
    }

    @Override
    public void close() {
        process.destroy();
        process.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
    }
}
