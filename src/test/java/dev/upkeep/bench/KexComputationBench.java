package dev.upkeep.bench;

import dev.upkeep.ssh.kex.Sntrup761Bench;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMExtractor;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyPairGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePrivateKeyParameters;

/**
 * The client's share of each hybrid key exchange as pure computation, without a network: a fresh key pair, then
 * decapsulating the server's ciphertext (the server's encapsulation is made outside the timed part), and the
 * X25519 half. BouncyCastle's calls, plus sntrup761 in Upkeep's own code (what ssh/kex runs unless
 * -Dupkeep.kex.sntrup761=bouncycastle). Part of bench/kex-handshake; bench/sntrup761 adds cold JVMs.
 */
final class KexComputationBench {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String BOUNCY_CASTLE = new org.bouncycastle.jce.provider.BouncyCastleProvider().getVersionStr();

    private KexComputationBench() {
    }

    static void print(int n) {
        System.out.println();
        System.out.println("| client-side computation (BouncyCastle " + BOUNCY_CASTLE + ", one thread) | CPU per handshake |");
        System.out.println("|---|---|");
        row("ML-KEM-768 key pair + decapsulation", n, KexComputationBench::mlkem);
        row("sntrup761 key pair + decapsulation", Math.max(10, n / 10), KexComputationBench::sntrup);
        System.out.printf("| sntrup761 key pair + decapsulation, Upkeep's own code (what ssh/kex uses) | %.2f ms |%n",
                Sntrup761Bench.warmMillis(false, n));
        row("X25519 key pair + agreement", n, KexComputationBench::x25519);
    }

    private static void row(String what, int n, Runnable op) {
        for (int i = 0; i < Math.max(10, n / 4); i++) {
            op.run();
        }
        long[] spent = new long[1];
        for (int i = 0; i < n; i++) {
            spent[0] += timed(op);
        }
        System.out.printf("| %s | %.2f ms |%n", what, spent[0] / 1e6 / n);
    }

    /** Only the client's work counts; each op times itself around it (see {@link #clientPart}). */
    private static long timed(Runnable op) {
        clientNanos = 0;
        op.run();
        return clientNanos;
    }

    private static long clientNanos;

    private static void clientPart(Runnable part) {
        long start = THREADS.getCurrentThreadCpuTime();
        part.run();
        clientNanos += THREADS.getCurrentThreadCpuTime() - start;
    }

    private static void mlkem() {
        AsymmetricCipherKeyPair[] pair = new AsymmetricCipherKeyPair[1];
        clientPart(() -> {
            MLKEMKeyPairGenerator g = new MLKEMKeyPairGenerator();
            g.init(new MLKEMKeyGenerationParameters(RANDOM, MLKEMParameters.ml_kem_768));
            pair[0] = g.generateKeyPair();
        });
        SecretWithEncapsulation server = new MLKEMGenerator(RANDOM).generateEncapsulated(pair[0].getPublic());
        clientPart(() -> new MLKEMExtractor((MLKEMPrivateKeyParameters) pair[0].getPrivate())
                .extractSecret(server.getEncapsulation()));
    }

    private static void sntrup() {
        AsymmetricCipherKeyPair[] pair = new AsymmetricCipherKeyPair[1];
        clientPart(() -> {
            SNTRUPrimeKeyPairGenerator g = new SNTRUPrimeKeyPairGenerator();
            g.init(new SNTRUPrimeKeyGenerationParameters(RANDOM, SNTRUPrimeParameters.sntrup761));
            pair[0] = g.generateKeyPair();
        });
        SecretWithEncapsulation server = new SNTRUPrimeKEMGenerator(RANDOM).generateEncapsulated(pair[0].getPublic());
        clientPart(() -> new SNTRUPrimeKEMExtractor((SNTRUPrimePrivateKeyParameters) pair[0].getPrivate())
                .extractSecret(server.getEncapsulation()));
    }

    private static void x25519() {
        byte[] serverPublic = new byte[32];
        byte[] serverPrivate = new byte[32];
        X25519.generatePrivateKey(RANDOM, serverPrivate);
        X25519.generatePublicKey(serverPrivate, 0, serverPublic, 0);
        clientPart(() -> {
            byte[] k = new byte[32];
            byte[] pub = new byte[32];
            byte[] shared = new byte[32];
            X25519.generatePrivateKey(RANDOM, k);
            X25519.generatePublicKey(k, 0, pub, 0);
            X25519.calculateAgreement(k, 0, serverPublic, 0, shared, 0);
        });
    }
}
