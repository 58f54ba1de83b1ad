package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hung server (processes stopped, socket open) is detected by keep-alive instead of blocking forever. */
class KeepAliveTest {
    @TempDir
    Path dir;
    SshTestBed bed;

    @BeforeEach
    void setUp() {
        LocalSshd.assumeAvailable();
        bed = new SshTestBed(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void hungServerBecomesConnectionLostAfterUnansweredKeepAlives() throws Exception {
        Path key = bed.key("id_ed25519", "ed25519", "");
        LocalSshd sshd = bed.sshd("sshd", List.of("ed25519"));
        bed.trust(sshd, "ed25519");
        SshOptions options = bed.options().withKeepAlive(Duration.ofSeconds(1), 2);
        SshConnection c = bed.connector(options, PassphraseProvider.NONE).connect(SshTestBed.request(sshd, key));
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> f = CompletableFuture.supplyAsync(() -> {
            try {
                c.exec("echo started; sleep 60", (s, l) -> seen.add(l), Cancellation.none());
                return null;
            } catch (SshException e) {
                return e;
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("started"));
        long t0 = System.nanoTime();
        sshd.freezeSessions();
        assertThat(f.get(20, TimeUnit.SECONDS)).isInstanceOf(ConnectionLostException.class).hasMessageContaining("keep-alive");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(c.isOpen()).isFalse();
        c.close();
    }
}
