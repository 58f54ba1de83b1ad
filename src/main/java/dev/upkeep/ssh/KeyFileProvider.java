package dev.upkeep.ssh;

import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A key file for sshj's AuthPublickey that tells {@link Passphrases} when its passphrase proved right, and
 * serializes decryption per file so parallel connects don't ask the user twice.
 */
final class KeyFileProvider implements KeyProvider {
    private final KeyProvider delegate;
    private final Passphrases.Finder finder;
    private final Object lock;
    private final Path file;

    KeyFileProvider(KeyProvider delegate, Passphrases.Finder finder, Object lock, Path file) {
        this.delegate = delegate;
        this.finder = finder;
        this.lock = lock;
        this.file = file;
    }

    @Override
    public PrivateKey getPrivate() throws IOException {
        return decrypted(delegate::getPrivate);
    }

    @Override
    public PublicKey getPublic() throws IOException {
        return decrypted(delegate::getPublic);
    }

    /** One decryption of this file at a time; a key read means its passphrase (if any) was right. */
    private <T> T decrypted(KeyRead<T> read) throws IOException {
        synchronized (lock) {
            T key = read.get();
            finder.succeeded();
            return key;
        }
    }

    private interface KeyRead<T> {
        T get() throws IOException;
    }

    @Override
    public KeyType getType() throws IOException {
        return KeyType.fromKey(getPublic());
    }

    @Override
    public String toString() {
        return "key file " + file;
    }

    /** The public key blob from {@code <keyFile>.pub}, or null when there is no readable one. */
    static byte[] publicBlob(Path keyFile) {
        Path pub = Path.of(keyFile + ".pub");
        try {
            String[] parts = Files.readString(pub).strip().split("\\s+");
            return parts.length >= 2 ? Base64.getDecoder().decode(parts[1]) : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
