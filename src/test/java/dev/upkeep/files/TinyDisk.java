package dev.upkeep.files;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, tiny file system for "disk full" tests: a 256 KiB tmpfs mounted on a folder of the test's own, filled
 * to the last page on request, unmounted on close. Mounting needs root; elsewhere the test is skipped, saying so.
 */
public final class TinyDisk implements AutoCloseable {
    private final Path root;
    private final Path filler;

    private TinyDisk(Path root) {
        this.root = root;
        this.filler = root.resolve(".filler");
    }

    /** Mounts a fresh tmpfs on {@code mountPoint} (an empty folder), or skips the test when that is not possible. */
    public static TinyDisk mount(Path mountPoint) throws IOException, InterruptedException {
        Assumptions.assumeTrue(isRoot(), "a disk-full test mounts a small tmpfs, which needs root; run the tests as root");
        Files.createDirectories(mountPoint);
        int exit = run("mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(exit == 0, "mount -t tmpfs failed (exit " + exit + "): no CAP_SYS_ADMIN here?");
        return new TinyDisk(mountPoint);
    }

    public Path root() {
        return root;
    }

    /** Fills the disk so that at most {@code leaveBytes} (rounded down to pages) stay free. */
    public void fill(long leaveBytes) throws IOException {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("No space left on device")) {
                throw e;
            }
        }
        if (leaveBytes > 0) {
            try (FileChannel ch = FileChannel.open(filler, StandardOpenOption.WRITE)) {
                ch.truncate(Math.max(0, ch.size() - leaveBytes));
            }
        }
    }

    public void fill() throws IOException {
        fill(0);
    }

    /** Gives the room back. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    /** Every name in the root but the filler: what a test expects to find after a failed save. */
    public List<String> names() throws IOException {
        try (var list = Files.list(root)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".filler")).sorted().toList();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // lazy: a file a failed test left open must not keep the mount alive after the JVM moves on
        int exit = run("umount", "-l", root.toString());
        if (exit != 0) {
            throw new IOException("umount " + root + " failed with exit " + exit);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:")).anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
