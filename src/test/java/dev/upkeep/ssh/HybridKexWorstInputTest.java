package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upkeep.ssh.kex.Algorithms;
import dev.upkeep.ssh.LyingKexServer.Lie;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server that lies, floods or drops during mlkem768x25519-sha256: each ends the connection attempt with a
 * message saying what was wrong, before any host key is trusted or any key is derived; a server that says nothing
 * more once the client sent its hybrid key share is given up on at the connect timeout, naming the key exchange.
 */
class HybridKexWorstInputTest {
    @TempDir
    Path dir;
    SshTestBed bed;

    @BeforeEach
    void setUp() {
        bed = new SshTestBed(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "WRONG_LENGTH  | the server's mlkem768x25519-sha256 reply holds 1119 bytes of key material, not 1120",
            "ZERO_POINT    | the server sent an invalid X25519 public key (the shared secret would be zero)",
            "BAD_SIGNATURE | KeyExchange signature verification failed (mlkem768x25519-sha256)",
            "WRONG_MESSAGE | unexpected message NEWKEYS instead of the mlkem768x25519-sha256 reply",
            "TRUNCATED     | the server's mlkem768x25519-sha256 reply is malformed",
            "FLOOD         | the server's mlkem768x25519-sha256 reply is malformed: Bad item length: 200000",
            "DROP          | Broken transport; encountered EOF"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLyingServerIsRefusedSayingWhatWasWrong(Lie lie, String message) throws Exception {
        try (LyingKexServer server = new LyingKexServer(lie)) {
            assertThatThrownBy(() -> bed.connector().connect(new ConnectRequest("127.0.0.1", server.port(), "root",
                    dir.resolve("no-key"))))
                    .isInstanceOf(SshException.class)
                    .isNotInstanceOf(HostKeyUnknownException.class)
                    .hasMessageContaining(message);
            assertThat(server.clientInitLength()).as("C_INIT = ML-KEM-768 public key + X25519 key").isEqualTo(1184 + 32);
        }
        assertThat(bed.knownHosts).doesNotExist();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aServerThatNeverAnswersTheHybridKeyExchangeFailsWithinTheConnectTimeout() throws Exception {
        Duration timeout = Duration.ofSeconds(3);
        Duration margin = Duration.ofSeconds(4); // a loaded 2-core machine; unbounded, this waits sshj's 30 s
        SshConnector connector = bed.connector(bed.options().withConnectTimeout(timeout), PassphraseProvider.NONE);
        try (LyingKexServer server = new LyingKexServer(Lie.HANG)) {
            CompletableFuture<Throwable> attempt = CompletableFuture.supplyAsync(() -> {
                try {
                    connector.connect(new ConnectRequest("127.0.0.1", server.port(), "root", dir.resolve("no-key")))
                            .close();
                    return null;
                } catch (SshException e) {
                    return e;
                }
            });
            Throwable failure = attempt.get(timeout.plus(margin).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(failure).isInstanceOfSatisfying(ConnectTimeoutException.class, e -> {
                assertThat(e.phase()).isEqualTo("key exchange");
                assertThat(e.getMessage()).contains("within 3 s").contains("127.0.0.1:" + server.port());
            });
            assertThat(server.clientInitLength()).as("the hybrid exchange was under way").isEqualTo(1184 + 32);
        }
        assertThat(bed.knownHosts).doesNotExist();
    }

    /** sshj alone, without the connector's deadline, still ends at its transport timeout. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aServerThatNeverAnswersTheKeyExchangeIsGivenUpOnAtTheTransportTimeout() throws Exception {
        Algorithms algorithms = new Algorithms(new DefaultConfig());
        try (LyingKexServer server = new LyingKexServer(Lie.HANG);
             SSHClient client = new SSHClient(algorithms.config(algorithms.defaultChoice()))) {
            client.addHostKeyVerifier(new PromiscuousVerifier());
            client.getTransport().setTimeoutMs(1500);

            assertThatThrownBy(() -> client.connect("127.0.0.1", server.port())).isInstanceOf(TransportException.class);
            assertThat(server.clientInitLength()).isEqualTo(1216);
        }
    }
}
