package dev.upkeep.ssh.kex;

import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.Transport;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.digest.Digest;
import net.schmizz.sshj.transport.kex.KeyExchange;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * A key exchange whose computing steps report to the {@link KexWork} of their connection: {@code init} (the key
 * pair and the first message) and {@code next} (the server's messages: the shared secret, the signature check).
 * sntrup761's key pair alone takes seconds while the JIT has not compiled it yet; that is this machine working, not
 * the server keeping us waiting.
 * <p>
 * At most one computation per processor runs at once (docs/decisions/0032-kex-compute-gate.md): a cold refresh
 * starts every connection together, and N key pairs computed side by side all run interpreted, each at 1/N of the
 * machine, while the JIT compiler threads wait for a core; queued, the first few warm the code and the rest run
 * compiled. Waiting for the gate is counted as computing (this machine's time, not the server's).
 */
final class TimedKex implements KeyExchange {
    /** {@code -Dupkeep.kex.concurrency=N} changes the gate (benchmarks compare); the default is the processor count. */
    private static final Semaphore GATE = new Semaphore(Math.max(1, Integer.getInteger("upkeep.kex.concurrency",
            Runtime.getRuntime().availableProcessors())));
    private final KeyExchange kex;
    private final Function<Transport, KexWork> workOf;
    private final Semaphore gate;
    private KexWork work = KexWork.NONE;

    private TimedKex(KeyExchange kex, Function<Transport, KexWork> workOf, Semaphore gate) {
        this.kex = kex;
        this.workOf = workOf;
        this.gate = gate;
    }

    /** The same factory (same name), its key exchanges timed and gated. */
    static Factory.Named<KeyExchange> factory(Factory.Named<KeyExchange> f, Function<Transport, KexWork> workOf) {
        return factory(f, workOf, GATE);
    }

    static Factory.Named<KeyExchange> factory(Factory.Named<KeyExchange> f, Function<Transport, KexWork> workOf,
                                              Semaphore gate) {
        return new Factory.Named<>() {
            @Override
            public KeyExchange create() {
                return new TimedKex(f.create(), workOf, gate);
            }

            @Override
            public String getName() {
                return f.getName();
            }

            @Override
            public String toString() {
                return f.getName();
            }
        };
    }

    @Override
    public void init(Transport trans, String serverId, String clientId, byte[] serverKexInit, byte[] clientKexInit)
            throws GeneralSecurityException, TransportException {
        work = workOf.apply(trans);
        work.begin();
        try {
            enterGate();
            try {
                kex.init(trans, serverId, clientId, serverKexInit, clientKexInit);
            } finally {
                gate.release();
            }
        } finally {
            work.end();
        }
    }

    private void enterGate() throws TransportException {
        try {
            gate.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting to compute the key exchange");
        }
    }

    @Override
    public boolean next(Message msg, SSHPacket buffer) throws GeneralSecurityException, TransportException {
        work.begin();
        try {
            enterGate();
            try {
                return kex.next(msg, buffer);
            } finally {
                gate.release();
            }
        } finally {
            work.end();
        }
    }

    @Override
    public byte[] getH() {
        return kex.getH();
    }

    @Override
    public BigInteger getK() {
        return kex.getK();
    }

    @Override
    public Digest getHash() {
        return kex.getHash();
    }

    @Override
    public PublicKey getHostKey() {
        return kex.getHostKey();
    }
}
