package dev.upkeep.ssh.kex;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;

/**
 * The client's sntrup761 work (a key pair, then decapsulating the server's ciphertext) timed in CPU of this thread,
 * for bench/kex-handshake and bench/sntrup761: {@code cold IMPL CALLS} times the first calls of a fresh JVM (what
 * a CLI run pays), {@code warm IMPL N} the mean after a warm-up, {@code allocated IMPL N} the heap the client's part allocates. IMPL is "upkeep" or "bouncycastle". The server's
 * encapsulation is made by the other implementation, outside the timing, so it warms none of the measured code.
 */
public final class Sntrup761Bench {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Sntrup761Bench() {
    }

    public static void main(String[] args) {
        boolean bouncyCastle = Sntrup761.BOUNCY_CASTLE.equals(args[1]);
        int n = Integer.parseInt(args[2]);
        if (args[0].equals("cold")) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                line.append(i == 0 ? "" : " ").append(String.format("%.1f", clientNanos(bouncyCastle) / 1e6));
            }
            System.out.println(line);
        } else if (args[0].equals("allocated")) {
            System.out.printf("%.2f%n", allocatedMegabytes(bouncyCastle, n));
        } else {
            System.out.printf("%.2f%n", warmMillis(bouncyCastle, n));
        }
    }

    /** Mean CPU milliseconds per key pair + decapsulation after n/4 (at least 10) untimed rounds. */
    public static double warmMillis(boolean bouncyCastle, int n) {
        for (int i = 0; i < Math.max(10, n / 4); i++) {
            clientNanos(bouncyCastle);
        }
        long spent = 0;
        for (int i = 0; i < n; i++) {
            spent += clientNanos(bouncyCastle);
        }
        return spent / 1e6 / n;
    }

    /** Mean MB this thread allocates for the client's part (key pair + decapsulation) of one round. */
    static double allocatedMegabytes(boolean bouncyCastle, int n) {
        clientAllocated = 0;
        for (int i = 0; i < n; i++) {
            clientNanos(bouncyCastle);
        }
        return clientAllocated / 1e6 / n;
    }

    private static long clientAllocated;

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) THREADS).getCurrentThreadAllocatedBytes();
    }

    private static long clientNanos(boolean bouncyCastle) {
        long bytes = allocated();
        long start = THREADS.getCurrentThreadCpuTime();
        SntrupKem.KeyPair pair = bouncyCastle ? BouncyCastleSntrup761.keyPair(RANDOM) : SntrupKem.keyPair(RANDOM);
        long spent = THREADS.getCurrentThreadCpuTime() - start;
        clientAllocated += allocated() - bytes;
        byte[] ciphertext = (bouncyCastle ? SntrupKem.encapsulate(pair.publicKey(), RANDOM)
                : BouncyCastleSntrup761.encapsulate(pair.publicKey(), RANDOM)).ciphertext();
        bytes = allocated();
        start = THREADS.getCurrentThreadCpuTime();
        byte[] secret = bouncyCastle ? BouncyCastleSntrup761.decapsulate(pair.secretKey(), ciphertext)
                : SntrupKem.decapsulate(pair.secretKey(), ciphertext);
        spent += THREADS.getCurrentThreadCpuTime() - start;
        clientAllocated += allocated() - bytes;
        if (secret.length != 32) {
            throw new IllegalStateException("a " + secret.length + "-byte secret");
        }
        return spent;
    }
}
