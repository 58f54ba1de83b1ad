package dev.upkeep.ssh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OpenSSH known_hosts files: one writable file (the workspace's {@code knownHosts}, where accepted keys go)
 * plus any number of read-only ones (UserKnownHostsFile of the SSH config). Files are read on every lookup,
 * so keys trusted by another process (or by {@code ssh}) count at once.
 */
public final class KnownHosts {
    private final Path writable;
    private final List<Path> files;

    public KnownHosts(Path writable, List<Path> alsoRead) {
        this.writable = writable;
        Set<Path> all = new LinkedHashSet<>();
        all.add(writable);
        all.addAll(alsoRead);
        this.files = List.copyOf(all);
    }

    public Path writableFile() {
        return writable;
    }

    /** A copy that also reads {@code more} (per-host UserKnownHostsFile entries). */
    KnownHosts alsoReading(List<Path> more) {
        List<Path> extra = new ArrayList<>(files);
        extra.addAll(more);
        return new KnownHosts(writable, extra);
    }

    /** "host" for port 22, "[host]:port" otherwise: the name known_hosts files use. */
    public static String hostString(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return port == 22 ? h : "[" + h + "]:" + port;
    }

    /** {@code SHA256:<base64 without padding>}, exactly as {@code ssh-keygen -lf} prints it. */
    public static String sha256Fingerprint(PublicKey key) {
        return sha256Fingerprint(KeyTypes.blob(key));
    }

    static String sha256Fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Every entry of every file that names this host (including revoked and CA lines). */
    List<KnownHostLine> entriesFor(String host, int port) throws IOException {
        String hs = hostString(host, port);
        List<KnownHostLine> out = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                KnownHostLine e = KnownHostLine.parse(lines.get(i), file, i + 1);
                if (e != null && (e.marker() == KnownHostLine.Marker.REVOKED || e.matches(hs))) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Host-key algorithms to prefer in the key exchange: those of the keys already known for the host. */
    public List<String> knownAlgorithms(String host, int port) throws IOException {
        Set<String> algs = new LinkedHashSet<>();
        for (KnownHostLine e : entriesFor(host, port)) {
            if (e.marker() == KnownHostLine.Marker.NONE) {
                algs.addAll(KeyTypes.algorithmsFor(e.keyType()));
            }
        }
        return List.copyOf(algs);
    }

    /**
     * Records {@code key} as trusted for host:port in the writable file. Creates the file (0600) and its
     * directory (0700) when missing; appends under a file lock so concurrent writers don't interleave.
     */
    public void accept(String host, int port, PublicKey key) throws IOException {
        String line = hostString(host, port) + " " + KeyTypes.typeOf(key) + " "
                + Base64.getEncoder().encodeToString(KeyTypes.blob(key)) + "\n";
        Path dir = writable.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(writable)) {
            try {
                Files.createFile(writable, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another writer created it first; append below
            }
        }
        synchronized (KnownHosts.class) { // FileLock is per process; this keeps our own threads apart
            try (FileChannel ch = FileChannel.open(writable, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ch.lock(); // released when the channel closes
                long size = ch.size();
                StringBuilder text = new StringBuilder();
                if (size > 0) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    ch.read(last, size - 1);
                    if (last.get(0) != '\n') {
                        text.append('\n');
                    }
                }
                text.append(line);
                ByteBuffer buf = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                long pos = size;
                while (buf.hasRemaining()) {
                    pos += ch.write(buf, pos);
                }
                ch.force(false);
            }
        }
    }
}
