package dev.upkeep.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a whole file into memory only when it is a regular file no larger than a cap. */
public final class BoundedRead {
    private BoundedRead() {
    }

    /**
     * @throws FileTooLargeException when the file holds more than {@code maxBytes}
     * @throws IOException           when it cannot be read, or is not a regular file (a device, a pipe, a folder)
     */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        if (!Files.isRegularFile(file)) {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            throw new IOException(file + " is not a regular file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new FileTooLargeException(file, size, maxBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new FileTooLargeException(file, -1, maxBytes); // it grew while we read
            }
            return bytes;
        }
    }

    /** A file over the cap: {@link #size()} is -1 when it grew past it while being read. */
    public static final class FileTooLargeException extends IOException {
        private final long size;
        private final long limit;

        FileTooLargeException(Path file, long size, long limit) {
            super(file + " is " + (size < 0 ? "more than " + limit : String.valueOf(size)) + " bytes; the limit is " + limit);
            this.size = size;
            this.limit = limit;
        }

        public long size() {
            return size;
        }

        public long limit() {
            return limit;
        }
    }
}
