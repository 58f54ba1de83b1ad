package dev.upkeep.ssh.kex;

/**
 * Told when this client starts and stops computing its part of a key exchange (key pairs, the shared secret, the
 * check of the server's signature), so that a bound on waiting for the server can leave that time out.
 */
public interface KexWork {
    /** For connections nobody times. */
    KexWork NONE = new KexWork() {
        @Override
        public void begin() {
        }

        @Override
        public void end() {
        }
    };

    void begin();

    void end();
}
