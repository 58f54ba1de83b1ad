package dev.upkeep.ssh;

import dev.upkeep.ssh.kex.KexWork;

/**
 * Time a connect bound does not count, summed so far: a person being asked something (a key passphrase; one for
 * the connector's life), or this machine computing its part of a key exchange (one per connect). Neither is the
 * server keeping us waiting.
 */
final class UncountedTime implements KexWork {
    private int open;
    private long since;
    private long total;

    @Override
    public synchronized void begin() {
        if (open++ == 0) {
            since = System.nanoTime();
        }
    }

    @Override
    public synchronized void end() {
        if (--open == 0) {
            total += System.nanoTime() - since;
        }
    }

    /** Nanoseconds during which at least one question (or computation) was open, up to now. */
    synchronized long nanos() {
        return open > 0 ? total + System.nanoTime() - since : total;
    }

    /** The same provider, with its time counted here. */
    PassphraseProvider counting(PassphraseProvider provider) {
        return (keyFile, attempt) -> {
            begin();
            try {
                return provider.passphrase(keyFile, attempt);
            } finally {
                end();
            }
        };
    }
}
