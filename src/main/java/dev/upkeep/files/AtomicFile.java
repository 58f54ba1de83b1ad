package dev.upkeep.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Saves a whole file so that a crash, a power cut or a full disk leaves either the old file or the new one, never
 * half of one, and no temp file: the bytes go to a 0600 temp file beside the target (written to the last byte and
 * fsync'd), which is renamed over the target, and then the directory is fsync'd so the rename itself survives.
 * Through a symlink, the file it points to is replaced and the link kept.
 */
public final class AtomicFile {
    private static final Logger log = LoggerFactory.getLogger(AtomicFile.class);
    private static final int MAX_LINKS = 40;

    /** The mode the saved file gets. */
    public enum Mode {
        /** 0600 always: Upkeep's own files. */
        PRIVATE,
        /** The mode the file had (0600 when it is new): the user's own files, which Upkeep edits in place. */
        KEEP_EXISTING
    }

    private AtomicFile() {
    }

    public static void write(Path file, String text, Mode mode) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8), mode);
    }

    /** @throws DiskFullException when the disk or quota is full; the file is then as it was */
    public static void write(Path file, byte[] bytes, Mode mode) throws IOException {
        Path target = followLinks(file.toAbsolutePath());
        Path dir = target.getParent();
        Set<PosixFilePermission> wanted = mode == Mode.KEEP_EXISTING && Files.exists(target)
                ? PrivateFiles.modeOf(target) : PrivateFiles.FILE;
        Path temp;
        try {
            temp = PrivateFiles.createTemp(dir, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw failed(target, e);
        }
        try {
            // before the first byte: a kept wider mode never shows half a file; an odd umask (077 is fine, 277 is
            // not) cannot leave the owner unable to read the result
            Set<PosixFilePermission> now = PrivateFiles.modeOf(temp);
            if (wanted != null && now != null && !now.equals(wanted)) {
                Files.setPosixFilePermissions(temp, wanted);
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer); // a write may take fewer bytes than offered
                }
                ch.force(true);
            }
            move(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw failed(target, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp, e);
            throw e;
        }
        syncDirectory(dir);
    }

    private static void deleteQuietly(Path temp, Exception cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException cleanup) {
            cause.addSuppressed(cleanup);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename durable. Linux allows fsync on a directory; where a platform refuses, the save still stands. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            log.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    private static IOException failed(Path target, IOException e) {
        return DiskFullException.isDiskFull(e) ? new DiskFullException(target, e) : e;
    }

    /** The file a chain of symlinks ends at (which may not exist yet). */
    static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(p); i++) {
            p = p.resolveSibling(Files.readSymbolicLink(p)); // lexical ".." folding would be wrong under a linked folder
        }
        if (Files.isSymbolicLink(p)) {
            throw new IOException(path + ": too many levels of symbolic links");
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(path + " is a directory");
        }
        return p;
    }
}
