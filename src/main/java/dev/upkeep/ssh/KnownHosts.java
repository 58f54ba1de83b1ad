package dev.upkeep.ssh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
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
    private static final SecureRandom RANDOM = new SecureRandom();

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
        return entriesFor(hostString(host, port));
    }

    /** Every entry filed under {@code name} ("host", "[host]:port" or a HostKeyAlias), plus every revoked line. */
    List<KnownHostLine> entriesFor(String name) throws IOException {
        String hs = name.toLowerCase(Locale.ROOT);
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
        return knownAlgorithms(hostString(host, port));
    }

    List<String> knownAlgorithms(String name) throws IOException {
        Set<String> algs = new LinkedHashSet<>();
        for (KnownHostLine e : entriesFor(name)) {
            if (e.marker() == KnownHostLine.Marker.NONE) {
                algs.addAll(KeyTypes.algorithmsFor(e.keyType()));
            }
        }
        return List.copyOf(algs);
    }

    /** Records {@code key} as trusted for host:port (plain name) in the writable file; see {@link #accept(HostKeyName, PublicKey)}. */
    public void accept(String host, int port, PublicKey key) throws IOException {
        accept(HostKeyName.of(host, port), key);
    }

    /**
     * Records {@code key} as trusted under {@code name} in the writable file, hashed when the name says so.
     * The line goes out in one {@code write(2)} on a descriptor opened with O_APPEND, the way {@code ssh} appends:
     * a line that ssh (or another Upkeep) appends at the same moment is never overwritten, and nothing else in the
     * file is touched. A missing file is created 0600 (its directory 0700); an existing file keeps its mode.
     */
    public void accept(HostKeyName name, PublicKey key) throws IOException {
        String hosts = name.hashed() ? KnownHostLine.hashedHosts(name.name().toLowerCase(Locale.ROOT), salt())
                : name.name().toLowerCase(Locale.ROOT);
        String line = hosts + " " + KeyTypes.typeOf(key) + " " + Base64.getEncoder().encodeToString(KeyTypes.blob(key)) + "\n";
        Path dir = writable.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        try {
            Files.createFile(writable, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException exists) {
            // the usual case: append below, leaving its mode as the user set it
        }
        // A file whose last line lacks its newline would swallow ours; the check and the append are not one step,
        // so a racing writer costs at most an empty line, which every reader skips.
        byte[] bytes = ((endsWithNewline(writable) ? "" : "\n") + line).getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(writable, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            ch.write(buf); // one write(2); a regular file takes all of a line this short at once
            if (buf.hasRemaining()) {
                throw new IOException("short write to " + writable + " (disk full?)");
            }
            ch.force(false);
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    private static byte[] salt() {
        byte[] salt = new byte[20]; // SHA-1's length, as ssh-keygen uses
        RANDOM.nextBytes(salt);
        return salt;
    }
}
