package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionPoolTest {
    @TempDir
    Path dir;
    SshTestBed bed;
    LocalSshd sshd;
    ConnectRequest request;

    @BeforeEach
    void setUp() throws Exception {
        LocalSshd.assumeAvailable();
        bed = new SshTestBed(dir);
        Path key = bed.key("id_ed25519", "ed25519", "");
        sshd = bed.sshd("sshd", List.of("ed25519"));
        bed.trust(sshd, "ed25519");
        request = SshTestBed.request(sshd, key);
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    private long logins() throws Exception {
        return sshd.log().lines().filter(l -> l.contains("Accepted publickey")).count();
    }

    @Test
    void reusesAnOpenConnectionAndReplacesAClosedOne() throws Exception {
        try (ConnectionPool pool = new ConnectionPool(bed.connector())) {
            SshConnection first = pool.get(request);
            assertThat(pool.get(request)).isSameAs(first);
            first.close();
            SshConnection second = pool.get(request);
            assertThat(second).isNotSameAs(first);
            assertThat(second.isOpen()).isTrue();
            pool.evict(request);
            assertThat(second.isOpen()).isFalse();
            assertThat(pool.get(request)).isNotSameAs(second);
            assertThat(logins()).isEqualTo(3);
        }
    }

    @Test
    void concurrentGetsForOneServerOpenOneConnection() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (ConnectionPool pool = new ConnectionPool(bed.connector())) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SshConnection>> gets = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                gets.add(threads.submit(() -> {
                    go.await();
                    return pool.get(request);
                }));
            }
            go.countDown();
            SshConnection one = gets.get(0).get(30, TimeUnit.SECONDS);
            for (Future<SshConnection> f : gets) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isSameAs(one);
            }
            assertThat(logins()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void closingThePoolClosesItsConnections() throws Exception {
        SshConnection c;
        try (ConnectionPool pool = new ConnectionPool(bed.connector())) {
            c = pool.get(request);
        }
        assertThat(c.isOpen()).isFalse();
    }
}
