package dev.upkeep.files;

import java.io.IOException;
import java.nio.file.Path;

/** The disk (or the user's quota) had no room for a save; the file named here was left as it was. */
public final class DiskFullException extends IOException {
    private final Path file;

    DiskFullException(Path file, IOException cause) {
        this(file, cause.getMessage(), cause);
    }

    /** @param detail what did not fit, for the message (the file's own write, or something saved with it) */
    public DiskFullException(Path file, String detail, IOException cause) {
        super("disk full: " + file + " was not saved and is unchanged (" + detail + ")", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** ENOSPC or EDQUOT somewhere in the chain: the JDK reports both only as message text. */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
