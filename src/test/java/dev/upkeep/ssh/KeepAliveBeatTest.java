package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.schmizz.sshj.connection.ConnectionImpl;
import net.schmizz.sshj.transport.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The corner no real server shows on demand: a keep-alive request stuck in its write (a server that stopped reading
 * while the socket's buffers are full). sshj's connection and transport are stand-ins here; the real-server cases are
 * in {@link SharedKeepAliveTest} and {@link KeepAliveTest}.
 */
class KeepAliveBeatTest {
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        workers.shutdownNow();
    }

    @Test
    void requestStuckInItsWriteNeverBlocksTheTickAndCountsAsUnansweredUntilTheConnectionIsLost() throws Exception {
        ConnectionImpl conn = mock(ConnectionImpl.class);
        Transport transport = mock(Transport.class);
        when(conn.getTransport()).thenReturn(transport);
        when(transport.isRunning()).thenReturn(true);
        when(transport.getService()).thenReturn(conn);
        CountDownLatch writing = new CountDownLatch(1);
        when(conn.sendGlobalRequest(anyString(), anyBoolean(), any())).thenAnswer(i -> {
            writing.countDown();
            release.await(1, TimeUnit.MINUTES); // the write never gets through
            return null;
        });
        AtomicBoolean left = new AtomicBoolean();
        KeepAliveBeat beat = new KeepAliveBeat(conn, 5, 3, workers, b -> left.set(true));

        beat.tick(); // sends on a worker; the tick itself returns at once
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        beat.tick();
        beat.tick();
        verify(transport, never()).die(any()); // two ticks it held up + the stuck request: three, not yet more
        beat.tick(); // as sshj: the tick after three unanswered requests ends the connection

        verify(conn, times(1)).sendGlobalRequest(anyString(), anyBoolean(), any()); // no pile-up behind the stuck one
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> verify(transport).die(argThat(e ->
                e.getMessage().contains("Did not receive any keep-alive response for 15 seconds"))));
        assertThat(left).isTrue();
    }
}
