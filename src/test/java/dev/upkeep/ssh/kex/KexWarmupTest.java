package dev.upkeep.ssh.kex;

import dev.upkeep.base.Threads;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The key-exchange warm-up: a daemon thread that leaves a few sntrup761 key pairs ready, each of which goes to one
 * connection only (forward secrecy), and that a system property turns off.
 */
class KexWarmupTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void aWarmupFillsThePoolAndConnectionsTakeEachReadyPairOnceThenMakeTheirOwn() {
        ReadyKeyPairs pool = new ReadyKeyPairs(3);
        new KexWarmup(pool, 1).run();
        assertThat(pool.size()).isEqualTo(3);

        Set<String> publicKeys = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            publicKeys.add(new String(new Sntrup761(pool).generate(random), StandardCharsets.ISO_8859_1));
            assertThat(pool.size()).isEqualTo(Math.max(0, 2 - i));
        }
        assertThat(publicKeys).hasSize(5);
    }

    @Test
    void manyConnectionsTakingAtOnceNeverGetTheSamePair() throws Exception {
        ReadyKeyPairs pool = new ReadyKeyPairs(6);
        List<SntrupKem.KeyPair> made = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SntrupKem.KeyPair pair = Sntrup761.newPair(random);
            made.add(pair);
            assertThat(pool.offer(pair)).isTrue();
        }
        assertThat(pool.offer(Sntrup761.newPair(random))).as("a full pool takes no more").isFalse();

        ExecutorService takers = Executors.newFixedThreadPool(8);
        Set<SntrupKem.KeyPair> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        int handedOut = 0;
        try {
            List<Future<SntrupKem.KeyPair>> takes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                takes.add(takers.submit(pool::take));
            }
            for (Future<SntrupKem.KeyPair> take : takes) {
                SntrupKem.KeyPair pair = take.get(10, TimeUnit.SECONDS);
                if (pair != null) {
                    handedOut++;
                    assertThat(taken.add(pair)).as("a pair handed out twice").isTrue();
                }
            }
        } finally {
            takers.shutdownNow();
        }
        assertThat(handedOut).isEqualTo(6);
        assertThat(taken).containsExactlyInAnyOrderElementsOf(made);
    }

    @Test
    void theWarmupFillsThePoolOnceEvenWhileConnectionsKeepTakingFromIt() throws Exception {
        ReadyKeyPairs pool = new ReadyKeyPairs(2);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger taken = new AtomicInteger();
        Thread connections = Threads.daemon("connections", () -> {
            while (!done.get()) {
                if (pool.take() != null) {
                    taken.incrementAndGet();
                }
            }
        });
        connections.start();
        try {
            int made = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new KexWarmup(pool, 0).run());
            assertThat(made).isEqualTo(2);
        } finally {
            done.set(true);
            connections.join();
        }
        assertThat(taken.get() + pool.size()).isEqualTo(2);
    }

    @Test
    void theWarmupRunsOnADaemonThreadThatFinishes() throws Exception {
        ReadyKeyPairs pool = new ReadyKeyPairs(1);
        Thread thread = KexWarmup.start(new KexWarmup(pool, 1));

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("kex-warmup");
        thread.join(Duration.ofSeconds(60).toMillis());
        assertThat(thread.isAlive()).isFalse();
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void thePropertyTurnsTheWarmupOff() {
        String before = System.getProperty(KexWarmup.PROPERTY);
        try {
            System.clearProperty(KexWarmup.PROPERTY);
            assertThat(KexWarmup.enabled()).as("off unless asked for").isFalse();
            System.setProperty(KexWarmup.PROPERTY, "false");
            assertThat(KexWarmup.start()).isEmpty();
            System.setProperty(KexWarmup.PROPERTY, "true");
            assertThat(KexWarmup.enabled()).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty(KexWarmup.PROPERTY);
            } else {
                System.setProperty(KexWarmup.PROPERTY, before);
            }
        }
    }
}
