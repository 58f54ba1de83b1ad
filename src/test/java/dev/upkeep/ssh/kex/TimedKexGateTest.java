package dev.upkeep.ssh.kex;

import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.Transport;
import net.schmizz.sshj.transport.digest.Digest;
import net.schmizz.sshj.transport.kex.KeyExchange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Key-exchange computations of many connections started together queue at the gate instead of sharing the cores. */
class TimedKexGateTest {
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final CountDownLatch open = new CountDownLatch(1);

    @Test
    void sixConnectionsComputeAtMostTwoAtOnceWithAGateOfTwoAndAllFinish() throws Exception {
        Factory.Named<KeyExchange> factory = TimedKex.factory(named(), t -> KexWork.NONE, new Semaphore(2));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                runs.add(pool.submit(() -> {
                    factory.create().init(null, "s", "c", new byte[0], new byte[0]);
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> inside.get() == 2);
            open.countDown();
            for (Future<?> run : runs) {
                run.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(inside.get()).isZero();
    }

    @Test
    void aFailingComputationFreesItsPlace() throws Exception {
        Semaphore gate = new Semaphore(1);
        Factory.Named<KeyExchange> failing = TimedKex.factory(new Factory.Named<>() {
            @Override
            public KeyExchange create() {
                return new Computing() {
                    @Override
                    public void init(Transport t, String s, String c, byte[] a, byte[] b) {
                        throw new IllegalStateException("bad server data");
                    }
                };
            }

            @Override
            public String getName() {
                return "failing";
            }
        }, t -> KexWork.NONE, gate);
        try {
            failing.create().init(null, "s", "c", new byte[0], new byte[0]);
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("bad server data");
        }
        assertThat(gate.availablePermits()).isEqualTo(1);
    }

    private Factory.Named<KeyExchange> named() {
        return new Factory.Named<>() {
            @Override
            public KeyExchange create() {
                return new Computing();
            }

            @Override
            public String getName() {
                return "slow";
            }
        };
    }

    /** A key exchange whose computation lasts until the test opens the latch, counting how many compute at once. */
    private class Computing implements KeyExchange {
        @Override
        public void init(Transport trans, String serverId, String clientId, byte[] serverKexInit, byte[] clientKexInit) {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                open.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public boolean next(Message msg, SSHPacket buffer) {
            return true;
        }

        @Override
        public byte[] getH() {
            return new byte[0];
        }

        @Override
        public BigInteger getK() {
            return BigInteger.ONE;
        }

        @Override
        public Digest getHash() {
            return null;
        }

        @Override
        public PublicKey getHostKey() {
            return null;
        }
    }
}
