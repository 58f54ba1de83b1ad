package dev.upkeep.ssh;

import java.nio.file.Path;

/**
 * Asks the user for the passphrase of an encrypted key file. Called at most once per key per connector
 * (more only after a wrong answer, with {@code attempt} 2, 3); the answer is kept in memory only.
 */
@FunctionalInterface
public interface PassphraseProvider {
    /** Returns the passphrase, or null to skip this key. */
    char[] passphrase(Path keyFile, int attempt);

    PassphraseProvider NONE = (file, attempt) -> null;
}
