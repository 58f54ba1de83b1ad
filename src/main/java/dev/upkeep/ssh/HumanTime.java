package dev.upkeep.ssh;

/**
 * How long someone has been asked something (a key passphrase) so far, summed over the connector's life. A
 * connect bound does not count that time: the person, not the server, is being waited for.
 */
final class HumanTime {
    private int asking;
    private long since;
    private long total;

    synchronized void begin() {
        if (asking++ == 0) {
            since = System.nanoTime();
        }
    }

    synchronized void end() {
        if (--asking == 0) {
            total += System.nanoTime() - since;
        }
    }

    /** Nanoseconds during which at least one question was open, up to now. */
    synchronized long nanos() {
        return asking > 0 ? total + System.nanoTime() - since : total;
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
