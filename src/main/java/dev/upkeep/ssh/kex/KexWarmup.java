package dev.upkeep.ssh.kex;

import dev.upkeep.base.Threads;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Runs the post-quantum key exchange's code while a command starts, so that the JIT has compiled its loops by the
 * first connection (a cold sntrup761 key pair costs several times a compiled one, and a cold CLI run
 * made every connection pay for it: docs/decisions/0036-kex-warmup.md). A few throw-away round trips (key pair,
 * encapsulation, decapsulation) of sntrup761, one of ML-KEM-768 and X25519, then a few sntrup761 pairs for the first
 * connections ({@link ReadyKeyPairs}; each is used once). Off unless {@code -Dupkeep.kex.warmup=true}: measured, it saved no wall time (docs/decisions/0036-kex-warmup.md).
 */
public final class KexWarmup {
    public static final String PROPERTY = "upkeep.kex.warmup";
    /** Enough for the JIT to compile the hot loops (BouncyCastle's, measured at low load: 234, 76, 69 ms, then 45–78 ms a pair). */
    static final int ROUNDS = 3;
    private static final Logger TIMING = LoggerFactory.getLogger("dev.upkeep.timing");
    private static final Logger LOG = LoggerFactory.getLogger(KexWarmup.class);

    private final ReadyKeyPairs pool;
    private final int rounds;
    private final SecureRandom random = new SecureRandom();

    KexWarmup(ReadyKeyPairs pool, int rounds) {
        this.pool = pool;
        this.rounds = rounds;
    }

    /** Starts the warm-up on a daemon thread (it never keeps the JVM alive), unless the property turns it off. */
    public static Optional<Thread> start() {
        if (!enabled()) {
            return Optional.empty();
        }
        return Optional.of(start(new KexWarmup(ReadyKeyPairs.SNTRUP761, ROUNDS)));
    }

    static Thread start(KexWarmup warmup) {
        Thread thread = Threads.daemon("kex-warmup", warmup::run);
        thread.start();
        TIMING.debug("kex warm-up started");
        return thread;
    }

    static boolean enabled() {
        return "true".equalsIgnoreCase(System.getProperty(PROPERTY, "false").strip());
    }

    /** @return how many pairs it left in the pool (at most its capacity, even while connections take them) */
    int run() {
        long start = System.nanoTime();
        int made = 0;
        try {
            x25519();
            mlKem();
            for (int i = 0; i < rounds; i++) {
                sntrup761();
            }
            long warm = System.nanoTime();
            // Fill the pool once: refilling what connections take would make this a third key-exchange thread
            // outside the compute gate, racing the connections for the same cores.
            for (int room = pool.room(); made < room && pool.offer(Sntrup761.newPair(random)); ) {
                made++;
            }
            TIMING.debug("kex warm-up: {} sntrup761 round trips in {} ms, {} pairs made ahead in {} ms",
                    rounds, (warm - start) / 1_000_000, made, (System.nanoTime() - warm) / 1_000_000);
        } catch (RuntimeException e) {
            // Only speed is lost: every connection makes its own pair when the pool is empty.
            LOG.debug("key exchange warm-up stopped", e);
        }
        return made;
    }

    private void sntrup761() {
        SntrupKem.KeyPair pair = Sntrup761.newPair(random);
        SntrupKem.Encapsulated sent = Sntrup761.encapsulate(pair.publicKey(), random);
        Sntrup761.extract(pair.secretKey(), sent.ciphertext());
    }

    private void mlKem() {
        AsymmetricCipherKeyPair pair = MlKem768.newPair(random);
        SecretWithEncapsulation sent = new MLKEMGenerator(random).generateEncapsulated(pair.getPublic());
        new MLKEMExtractor((MLKEMPrivateKeyParameters) pair.getPrivate()).extractSecret(sent.getEncapsulation());
    }

    private void x25519() {
        byte[] ours = new byte[X25519.SCALAR_SIZE];
        byte[] theirs = new byte[X25519.SCALAR_SIZE];
        byte[] theirPublic = new byte[X25519.POINT_SIZE];
        byte[] secret = new byte[X25519.POINT_SIZE];
        X25519.generatePrivateKey(random, ours);
        X25519.generatePrivateKey(random, theirs);
        X25519.generatePublicKey(theirs, 0, theirPublic, 0);
        X25519.calculateAgreement(ours, 0, theirPublic, 0, secret, 0);
    }
}
