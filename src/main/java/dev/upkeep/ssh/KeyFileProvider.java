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
        synchronized (lock) {
            PrivateKey key = delegate.getPrivate();
            finder.succeeded();
            return key;
        }
    }

    @Override
    public PublicKey getPublic() throws IOException {
        synchronized (lock) {
            PublicKey key = delegate.getPublic();
            finder.succeeded();
            return key;
        }
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
