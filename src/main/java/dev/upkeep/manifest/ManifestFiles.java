package dev.upkeep.manifest;

import dev.upkeep.files.AtomicFile;
import dev.upkeep.files.BoundedRead;
import dev.upkeep.files.DiskFullException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reading and saving manifest files. Text is UTF-8 and kept exactly (BOM and line breaks included); a file over
 * {@link #MAX_BYTES} is refused before it is read. A save first copies the current file to {@code <name>.bak}
 * beside it (one backup, replaced on every save), then saves the new text with {@link AtomicFile}, so a crash or a
 * full disk leaves either the old or the new file, never half of one.
 */
public final class ManifestFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ManifestFiles.class);
    /** Bytes; a little above the parser's character limit so the parser reports the size with a location. */
    public static final long MAX_BYTES = 4L * YamlTree.MAX_CHARS;

    public OpenedManifest open(Path path) throws ManifestReadException {
        try {
            var modified = Files.getLastModifiedTime(path);
            byte[] bytes = BoundedRead.read(path, MAX_BYTES);
            return new OpenedManifest(path, decode(bytes), sha256(bytes), modified);
        } catch (BoundedRead.FileTooLargeException e) {
            throw new ManifestReadException(new Problem(Severity.ERROR, 1, 1, "file is "
                    + (e.size() < 0 ? "more than " + MAX_BYTES : e.size()) + " bytes; a manifest is at most " + MAX_BYTES, ""), e);
        } catch (NoSuchFileException e) {
            throw new ManifestReadException(new Problem(Severity.ERROR, 1, 1, "no such file: " + path, ""), e);
        } catch (IOException e) {
            throw new ManifestReadException(new Problem(Severity.ERROR, 1, 1, "cannot read " + path + ": " + e.getMessage(), ""), e);
        }
    }

    /**
     * True when the file's bytes differ from what was opened. The content hash decides: a modification time can
     * change without a change (touch, checkout) and stay the same across one (coarse timestamps).
     */
    public boolean changedOnDisk(OpenedManifest opened) {
        try {
            return !sha256(BoundedRead.read(opened.path(), MAX_BYTES)).equals(opened.sha256());
        } catch (IOException e) {
            return true; // deleted, unreadable or grown past the cap: certainly not what was opened
        }
    }

    /**
     * Saves {@code newText} over the file opened as {@code opened}, refusing if the file changed on disk since.
     *
     * @return the new "opened" state, for the next save
     */
    public OpenedManifest save(OpenedManifest opened, String newText) throws IOException, ChangedOnDiskException {
        if (changedOnDisk(opened)) {
            String onDisk = null;
            try {
                onDisk = decode(BoundedRead.read(opened.path(), MAX_BYTES));
            } catch (IOException | ManifestReadException e) {
                LOG.debug("file changed and cannot be read back", e);
            }
            throw new ChangedOnDiskException(opened, onDisk, newText);
        }
        return write(opened.path(), newText);
    }

    /**
     * Writes without the changed-on-disk check (after the user chose to overwrite), still with backup and atomic
     * save. The file keeps its mode; the backup is Upkeep's own file, so it is private (0600).
     *
     * @throws DiskFullException when there is no room: the file is then unchanged (and so is the previous backup,
     *                           if the backup was what did not fit)
     */
    public OpenedManifest write(Path path, String newText) throws IOException {
        // through a symlink, replace the file it points to and keep the link
        Path target = Files.isSymbolicLink(path) ? path.toRealPath() : path.toAbsolutePath();
        if (Files.exists(target)) {
            try {
                AtomicFile.write(backupOf(target), BoundedRead.read(target, MAX_BYTES), AtomicFile.Mode.PRIVATE);
            } catch (DiskFullException e) {
                // the user saves the manifest, not the backup: name the file they know
                throw new DiskFullException(target, "no room for its backup " + backupOf(target).getFileName(), e);
            }
        }
        byte[] bytes = newText.getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(target, bytes, AtomicFile.Mode.KEEP_EXISTING);
        LOG.info("saved {} ({} bytes)", target, bytes.length);
        return new OpenedManifest(path, newText, sha256(bytes), Files.getLastModifiedTime(target));
    }

    /** {@code Manifest.yml} → {@code Manifest.yml.bak} in the same directory. */
    public static Path backupOf(Path path) {
        return path.resolveSibling(path.getFileName() + ".bak");
    }

    /** Strict UTF-8: an invalid byte is reported with its line and column instead of becoming U+FFFD. */
    static String decode(byte[] bytes) throws ManifestReadException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            String before = out.toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            throw new ManifestReadException(new Problem(Severity.ERROR, line, column, String.format(
                    "not UTF-8: invalid byte 0x%02X at byte offset %d", bytes[in.position()] & 0xFF, in.position()), ""),
                    null);
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
