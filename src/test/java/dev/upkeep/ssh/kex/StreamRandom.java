package dev.upkeep.ssh.kex;

import java.security.SecureRandom;
import java.util.Random;

/**
 * A seeded byte stream posing as a SecureRandom, for tests only: byte n is the same however the reads are cut up
 * (one nextInt per byte), so two implementations that draw the same bytes in the same order see the same values.
 */
final class StreamRandom extends SecureRandom {
    private final Random stream;

    StreamRandom(long seed) {
        this.stream = new Random(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) stream.nextInt();
        }
    }
}
