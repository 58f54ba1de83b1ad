package dev.upkeep.ssh.kex;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.function.Function;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.Transport;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.digest.Digest;
import net.schmizz.sshj.transport.kex.KeyExchange;

/**
 * A key exchange whose computing steps report to the {@link KexWork} of their connection: {@code init} (the key
 * pair and the first message) and {@code next} (the server's messages: the shared secret, the signature check).
 * sntrup761's key pair alone takes seconds while the JIT has not compiled it yet; that is this machine working, not
 * the server keeping us waiting.
 */
final class TimedKex implements KeyExchange {
    private final KeyExchange kex;
    private final Function<Transport, KexWork> workOf;
    private KexWork work = KexWork.NONE;

    private TimedKex(KeyExchange kex, Function<Transport, KexWork> workOf) {
        this.kex = kex;
        this.workOf = workOf;
    }

    /** The same factory (same name), its key exchanges timed. */
    static Factory.Named<KeyExchange> factory(Factory.Named<KeyExchange> f, Function<Transport, KexWork> workOf) {
        return new Factory.Named<>() {
            @Override
            public KeyExchange create() {
                return new TimedKex(f.create(), workOf);
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
            kex.init(trans, serverId, clientId, serverKexInit, clientKexInit);
        } finally {
            work.end();
        }
    }

    @Override
    public boolean next(Message msg, SSHPacket buffer) throws GeneralSecurityException, TransportException {
        work.begin();
        try {
            return kex.next(msg, buffer);
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
