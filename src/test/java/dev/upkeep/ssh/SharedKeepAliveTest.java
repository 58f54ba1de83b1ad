package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keep-alive runs for every connection on one shared scheduler thread: no keep-alive thread per connection, answered
 * requests keep an idle connection up, unanswered ones end it with sshj's words, and a connection that closes or
 * dies leaves the scheduler.
 */
class SharedKeepAliveTest {
    private static final int CONNECTIONS = 6;

    @TempDir
    Path dir;
    SshTestBed bed;
    Path key;

    @BeforeEach
    void setUp() throws Exception {
        bed = new SshTestBed(dir);
        key = bed.key("id_ed25519", "ed25519", "");
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void openConnectionsStartNoKeepAliveThreadOfTheirOwnAndLeaveTheSchedulerOnClose() throws Exception {
        LocalSshd.assumeAvailable();
        LocalSshd sshd = bed.sshd("sshd", List.of("ed25519"));
        bed.trust(sshd, "ed25519");
        SshConnector connector = bed.connector(bed.options().withKeepAlive(Duration.ofSeconds(1), 3), PassphraseProvider.NONE);
        List<SshConnection> open = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            open.add(connector.connect(SshTestBed.request(sshd, key)));
        }
        assertThat(keepAliveThreads()).isEmpty();
        assertThat(connector.keepAlives().live()).isEqualTo(CONNECTIONS);
        // every connection's requests are sent and answered by the one scheduler
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.keepAlives().answered() >= 2L * CONNECTIONS);
        assertThat(keepAliveThreads()).isEmpty();

        open.subList(0, CONNECTIONS / 2).forEach(SshConnection::close);
        assertThat(connector.keepAlives().live()).isEqualTo(CONNECTIONS - CONNECTIONS / 2);
        open.forEach(SshConnection::close);
        assertThat(connector.keepAlives().live()).isZero();
    }

    @Test
    void healthyIdlePooledConnectionStaysUpAcrossSeveralIntervals() throws Exception {
        LocalSshd.assumeAvailable();
        LocalSshd sshd = bed.sshd("sshd", List.of("ed25519"));
        bed.trust(sshd, "ed25519");
        SshConnector connector = bed.connector(bed.options().withKeepAlive(Duration.ofSeconds(1), 2), PassphraseProvider.NONE);
        try (ConnectionPool pool = new ConnectionPool(connector)) {
            ConnectRequest request = SshTestBed.request(sshd, key);
            SshConnection first = pool.get(request);
            // idle for four intervals: twice the two unanswered requests that would end it
            await().pollDelay(Duration.ofMillis(50)).during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(first::isOpen);
            assertThat(connector.keepAlives().answered()).isGreaterThanOrEqualTo(3);
            assertThat(pool.get(request)).isSameAs(first);
            assertThat(first.run("echo still here", Cancellation.none()).stdout()).isEqualTo("still here");
        }
        assertThat(connector.keepAlives().live()).isZero();
    }

    @Test
    void serverThatNeverAnswersKeepAlivesIsLostAfterIntervalTimesCountWithSshjsWords() throws Exception {
        try (SilentKeepAliveServer server = SilentKeepAliveServer.start()) {
            server.trustIn(bed.knownHosts);
            SshConnector connector = bed.connector(bed.options().withKeepAlive(Duration.ofSeconds(1), 2), PassphraseProvider.NONE);
            SshConnection c = connector.connect(new ConnectRequest("127.0.0.1", server.port(), "root", key));
            long t0 = System.nanoTime();
            List<String> seen = new CopyOnWriteArrayList<>();
            assertThatThrownBy(() -> c.exec("anything", (s, l) -> seen.add(l), Cancellation.none()))
                    .isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("Did not receive any keep-alive response for 2 seconds");
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(seen).contains("started");
            assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(8));
            assertThat(server.swallowed()).isGreaterThanOrEqualTo(2);
            assertThat(c.isOpen()).isFalse();
            await().atMost(Duration.ofSeconds(3)).until(() -> connector.keepAlives().live() == 0);
        }
    }

    @Test
    void serverAliveIntervalAndCountMaxFromSshConfigWinOverUpkeepsDefaults() throws Exception {
        try (SilentKeepAliveServer server = SilentKeepAliveServer.start()) {
            server.trustIn(bed.knownHosts);
            Path config = dir.resolve("ssh_config");
            Files.writeString(config, "Host 127.0.0.1\n  ServerAliveInterval 1\n  ServerAliveCountMax 1\n");
            SshOptions options = bed.options().withSshConfig(config).withKeepAlive(Duration.ofSeconds(60), 5);
            SshConnection c = bed.connector(options, PassphraseProvider.NONE)
                    .connect(new ConnectRequest("127.0.0.1", server.port(), "root", key));
            assertThatThrownBy(() -> c.exec("anything", (s, l) -> { }, Cancellation.none()))
                    .isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("Did not receive any keep-alive response for 1 seconds");
        }
    }

    @Test
    void connectionWhoseServerWentAwayLeavesTheSchedulerByItself() throws Exception {
        SshConnector connector;
        SshConnection c;
        try (SilentKeepAliveServer server = SilentKeepAliveServer.start()) {
            server.trustIn(bed.knownHosts);
            connector = bed.connector(bed.options().withKeepAlive(Duration.ofSeconds(1), 100), PassphraseProvider.NONE);
            c = connector.connect(new ConnectRequest("127.0.0.1", server.port(), "root", key));
            assertThat(connector.keepAlives().live()).isEqualTo(1);
        }
        // never closed by its owner: the next tick finds the transport dead
        await().atMost(Duration.ofSeconds(5)).until(() -> connector.keepAlives().live() == 0);
        assertThat(c.isOpen()).isFalse();
    }

    /** Threads sshj starts for keep-alive ("sshj-KeepAliveRunner-…" or "sshj-Heartbeater-…"). */
    private static List<String> keepAliveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("sshj-KeepAlive") || n.startsWith("sshj-Heartbeat")).toList();
    }
}
