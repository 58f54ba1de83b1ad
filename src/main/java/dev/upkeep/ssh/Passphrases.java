package dev.upkeep.ssh;

import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Remembers key passphrases for the connector's lifetime, in memory only, so the user is asked once per key.
 * sshj wipes the arrays it is given, so it always gets copies. A declined key is not asked for again.
 */
final class Passphrases implements AutoCloseable {
    static final int MAX_ATTEMPTS = 3;

    private final PassphraseProvider provider;
    private final Map<Path, char[]> confirmed = new HashMap<>();
    private final Set<Path> declined = new HashSet<>();

    Passphrases(PassphraseProvider provider) {
        this.provider = provider;
    }

    /** A finder for one attempt to load {@code keyFile}; call {@link Finder#succeeded()} once the key decrypted. */
    Finder finder(Path keyFile) {
        return new Finder(keyFile);
    }

    @Override
    public synchronized void close() {
        confirmed.values().forEach(p -> Arrays.fill(p, '\0'));
        confirmed.clear();
    }

    final class Finder implements PasswordFinder {
        private final Path keyFile;
        private int attempt;
        private char[] pending;

        private Finder(Path keyFile) {
            this.keyFile = keyFile;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            synchronized (Passphrases.this) {
                char[] known = confirmed.get(keyFile);
                if (known != null && attempt == 0) {
                    attempt = 1;
                    return known.clone();
                }
                if (declined.contains(keyFile)) {
                    return new char[0]; // sshj can't take null here; an empty one simply fails to decrypt
                }
                confirmed.remove(keyFile);
                attempt++;
                char[] answer = provider.passphrase(keyFile, attempt);
                if (answer == null) {
                    declined.add(keyFile);
                    return new char[0];
                }
                pending = answer.clone();
                return answer;
            }
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            synchronized (Passphrases.this) {
                if (pending != null) {
                    Arrays.fill(pending, '\0');
                    pending = null;
                }
                return attempt < MAX_ATTEMPTS && !declined.contains(keyFile);
            }
        }

        void succeeded() {
            synchronized (Passphrases.this) {
                if (pending != null) {
                    confirmed.put(keyFile, pending);
                    pending = null;
                }
            }
        }
    }
}
