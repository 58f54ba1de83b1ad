package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upkeep.ssh.kex.Algorithms;
import dev.upkeep.ssh.kex.KexWork;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connect timeout bounds waiting for the server, not this machine computing its half of the key exchange:
 * sntrup761's key pair takes seconds before the JIT has compiled it (longer with ten connections at once on two
 * cores), and a fresh JVM refreshing Debian 12 servers must not call them unreachable for that.
 */
class KexComputationTimeTest {
    @TempDir
    Path dir;
    SshTestBed bed;
    Path key;

    @BeforeEach
    void setUp() throws Exception {
        LocalSshd.assumeAvailable();
        bed = new SshTestBed(dir);
        key = bed.key("id_ed25519", "ed25519", "");
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void eachKeyExchangeReportsItsComputingToItsOwnConnection() throws Exception {
        LocalSshd sshd = bed.sshd("sshd", List.of("ed25519"), List.of("KexAlgorithms sntrup761x25519-sha512"));
        bed.trust(sshd, "ed25519");
        AtomicReference<Transport> askedFor = new AtomicReference<>();
        AtomicInteger begun = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        KexWork recorder = new KexWork() {
            @Override
            public void begin() {
                begun.incrementAndGet();
            }

            @Override
            public void end() {
                ended.incrementAndGet();
            }
        };
        Algorithms algorithms = new Algorithms(new DefaultConfig(), transport -> {
            askedFor.set(transport);
            return recorder;
        });
        try (SSHClient client = new SSHClient(algorithms.config(algorithms.defaultChoice()))) {
            client.loadKnownHosts(bed.knownHosts.toFile());
            client.connect("127.0.0.1", sshd.port());
            assertThat(askedFor.get()).isSameAs(client.getTransport());
        }
        assertThat(begun.get()).as("init (key pair) and next (server's reply)").isEqualTo(2);
        assertThat(ended.get()).isEqualTo(begun.get());
    }

    @Test
    void aMachineSlowToComputeSntrup761IsNotTimedOutByTheConnectBound() throws Exception {
        LocalSshd warm = bed.sshd("warm", List.of("ed25519"), List.of("KexAlgorithms curve25519-sha256"));
        LocalSshd pq = bed.sshd("pq", List.of("ed25519"), List.of("KexAlgorithms sntrup761x25519-sha512"));
        bed.trust(warm, "ed25519");
        bed.trust(pq, "ed25519");
        // -Xint: no JIT, as in a fresh JVM; sntrup761's key pair then takes about 8 s of CPU here (54 ms compiled),
        // far past the 3 s bound, while the rest of the connect stays well inside it.
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xint", "-cp", System.getProperty("java.class.path"),
                SlowMachineConnect.class.getName(), bed.knownHosts.toString(), key.toString(),
                Integer.toString(warm.port()), Integer.toString(pq.port()), "3")
                .redirectError(ProcessBuilder.Redirect.to(dir.resolve("child.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child JVM ended").isTrue();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(out).isEqualTo("KEX sntrup761x25519-sha512");
        } finally {
            child.destroyForcibly();
        }
    }
}
