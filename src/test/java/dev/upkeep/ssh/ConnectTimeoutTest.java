package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The connect timeout bounds the whole way in, like OpenSSH's ConnectTimeout: a server that accepts TCP and then
 * stalls (no banner, no key exchange, no answer to authentication) fails within the timeout, naming the phase.
 */
class ConnectTimeoutTest {
    static final Duration TIMEOUT = Duration.ofSeconds(4);
    /** Generous for a loaded 2-core machine; without the bound these connects wait 30 s or for ever. */
    static final Duration MARGIN = Duration.ofSeconds(4);

    @TempDir
    Path dir;
    SshTestBed bed;
    Path key;

    @BeforeEach
    void setUp() throws Exception {
        bed = new SshTestBed(dir);
        key = dir.resolve("id_ed25519");
        TestKeys.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    private SshConnector connector() {
        return bed.connector(bed.options().withConnectTimeout(TIMEOUT), PassphraseProvider.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "AFTER_ACCEPT, SSH banner, no SSH banner from",
            "AFTER_BANNER, key exchange, the key exchange did not finish",
            "IN_AUTHENTICATION, authentication, authentication on"})
    void serverThatStallsFailsWithinTheConnectTimeoutNamingThePhase(StallingServer.Stall stall, String phase,
                                                                   String words) throws Exception {
        try (StallingServer server = StallingServer.start(stall)) {
            if (server.hostKey() != null) {
                server.trustIn(bed.knownHosts);
            }
            SshConnector connector = connector();
            long t0 = System.nanoTime();
            CompletableFuture<Throwable> attempt = CompletableFuture.supplyAsync(() -> {
                try {
                    connector.connect(new ConnectRequest("127.0.0.1", server.port(), "root", key)).close();
                    return null;
                } catch (SshException e) {
                    return e;
                }
            });
            Throwable failure = attempt.get(TIMEOUT.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(failure).isInstanceOfSatisfying(ConnectTimeoutException.class, e -> {
                assertThat(e.phase()).isEqualTo(phase);
                assertThat(e.getMessage()).contains(words).contains("within 4 s").contains("127.0.0.1:" + server.port());
            });
            assertThat(took).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(100));
        }
    }

    @Test
    void proxyCommandThatNeverSpeaksTimesOutAndIsKilled() throws Exception {
        Path config = dir.resolve("ssh_config");
        Path pidFile = dir.resolve("proxy.pid");
        Files.writeString(config, "Host silent\n  HostName 127.0.0.1\n  ProxyCommand sh -c 'echo $$ > " + pidFile
                + "; exec sleep 3600'\n");
        SshConnector connector = bed.connector(bed.options().withConnectTimeout(TIMEOUT).withSshConfig(config),
                PassphraseProvider.NONE);
        CompletableFuture<Throwable> attempt = CompletableFuture.supplyAsync(() -> {
            try {
                connector.connect(new ConnectRequest("silent", null, "root", key)).close();
                return null;
            } catch (SshException e) {
                return e;
            }
        });
        assertThat(attempt.get(TIMEOUT.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOfSatisfying(ConnectTimeoutException.class, e -> {
                    assertThat(e.phase()).isEqualTo("SSH banner");
                    assertThat(e.getMessage()).contains("ProxyCommand");
                });
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void timeSpentAskingForAPassphraseDoesNotCountAgainstTheTimeout() throws Exception {
        LocalSshd.assumeAvailable();
        Path locked = bed.key("id_locked", "ed25519", "open sesame");
        LocalSshd sshd = bed.sshd("sshd", List.of("ed25519"));
        bed.trust(sshd, "ed25519");
        long pauseMillis = TIMEOUT.toMillis() + 1500;
        PassphraseProvider slowPerson = (file, attempt) -> {
            try {
                Thread.sleep(pauseMillis); // the person reading the prompt is what is being modelled here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "open sesame".toCharArray();
        };
        SshConnector connector = bed.connector(bed.options().withConnectTimeout(TIMEOUT), slowPerson);
        try (SshConnection c = connector.connect(SshTestBed.request(sshd, locked))) {
            assertThat(c.isOpen()).isTrue();
        }
    }
}
