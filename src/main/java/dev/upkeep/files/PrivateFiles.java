package dev.upkeep.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Private directories (0700) and files (0600), created with that mode from the start: the mode is an attribute of
 * the create call, so there is never a moment when others could open what is being written. A umask can only
 * take bits away, never add them. Where the file system has no POSIX permissions, files are created plainly.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} and every missing parent as 0700. Existing directories are left as they are. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return dir;
        }
        if (posix(absolute)) {
            Files.createDirectories(absolute, attribute(DIRECTORY));
        } else {
            Files.createDirectories(absolute);
        }
        return dir;
    }

    /** Creates one new directory, 0700; fails with {@link FileAlreadyExistsException} when it exists. */
    public static Path createDirectory(Path dir) throws IOException {
        return posix(dir.toAbsolutePath()) ? Files.createDirectory(dir, attribute(DIRECTORY)) : Files.createDirectory(dir);
    }

    /** A new file, 0600, open for writing; fails with {@link FileAlreadyExistsException} when it exists. */
    public static OutputStream createNew(Path file) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return Channels.newOutputStream(posix(file.toAbsolutePath())
                ? Files.newByteChannel(file, options, attribute(FILE)) : Files.newByteChannel(file, options));
    }

    /** A new, empty 0600 temp file in {@code dir} with a random name. */
    static Path createTemp(Path dir, String prefix, String suffix) throws IOException {
        return posix(dir) ? Files.createTempFile(dir, prefix, suffix, attribute(FILE)) : Files.createTempFile(dir, prefix, suffix);
    }

    /** True when others (group or world) get any permission. */
    public static boolean opensToOthers(Set<PosixFilePermission> mode) {
        return mode.stream().anyMatch(p -> !p.name().startsWith("OWNER_"));
    }

    /** The permissions of {@code path} (not following a symlink), or null where there are none to read. */
    static Set<PosixFilePermission> modeOf(Path path) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return null;
        }
        try {
            return view.readAttributes().permissions();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> mode) {
        return PosixFilePermissions.asFileAttribute(mode);
    }
}
