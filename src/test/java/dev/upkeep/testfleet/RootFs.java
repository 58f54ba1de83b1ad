package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cached, read-only root filesystem every server of one Debian release overlays: built once by
 * {@code build-rootfs.sh} with debootstrap (from the Debian archive this machine's apt uses, see
 * {@link AptSources}) and reused until the release, the build script or the preinstalled packages change (the
 * cache key is a hash of them). Built into a temporary directory and renamed into place, so a half-built rootfs is never used;
 * a file lock keeps two JVMs from building at once.
 */
final class RootFs {
    private static final Logger log = LoggerFactory.getLogger(RootFs.class);
    /** Overrides the cache location (default {@code /var/cache/upkeep-testfleet}). */
    static final String CACHE_ENV = "UPKEEP_TESTFLEET_CACHE";

    private final Path dir;
    private final DebianRelease release;

    private RootFs(Path dir, DebianRelease release) {
        this.dir = dir;
        this.release = release;
    }

    static Path cacheRoot() {
        String configured = System.getenv(CACHE_ENV);
        return Path.of(configured == null || configured.isBlank() ? "/var/cache/upkeep-testfleet" : configured);
    }

    /** Returns the release's cached rootfs, building it first (about a minute) when there is none for this recipe. */
    static synchronized RootFs obtain(DebianRelease release) {
        if (release.isUbuntu()) {
            throw new IllegalArgumentException(release + " runs on " + release.userland() + "'s rootfs");
        }
        Path cache = cacheRoot();
        Path dir = cache.resolve("rootfs-" + cacheKey(release));
        if (Files.isDirectory(dir)) {
            return new RootFs(dir, release);
        }
        try {
            Files.createDirectories(cache);
            try (FileChannel channel = FileChannel.open(cache.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!Files.isDirectory(dir)) {
                    build(cache, dir, release);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the test fleet rootfs in " + cache, e);
        }
        return new RootFs(dir, release);
    }

    DebianRelease release() {
        return release;
    }

    /** Debian minbase of the release with sshd, sudo, the accounts and the demo packages at 1.0. */
    Path base() {
        return dir.resolve("base");
    }

    /** An overlay layer to put above {@link #base()}, e.g. {@code unattended-upgrades}. */
    Path layer(String name) {
        Path layer = dir.resolve("layers").resolve(name);
        if (!Files.isDirectory(layer)) {
            throw new IllegalArgumentException("no rootfs layer " + name);
        }
        return layer;
    }

    /** unattended-upgrades and the packages it needs beyond base, for the local repo. */
    Path debs() {
        return dir.resolve("debs");
    }

    private static void build(Path cache, Path dir, DebianRelease release) throws IOException {
        String mirror = AptSources.debianMirror();
        removeStaleBuilds(cache);
        Path temp = cache.resolve(dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Path work = Files.createTempDirectory("upkeep-testfleet-build");
        try {
            Resources.copy(Resources.BUILD_SCRIPTS, work.resolve("scripts"));
            Path preinstall = Files.createDirectories(work.resolve("preinstall"));
            DemoPackages.installed().forEach(deb -> deb.build(preinstall));
            Files.createDirectories(temp);
            Path logFile = cache.resolve(dir.getFileName() + ".log");
            log.info("Building the test fleet's Debian {} rootfs in {} (debootstrap from {}, about a minute; log: {})",
                    release.version(), dir, mirror, logFile);
            long started = System.nanoTime();
            // Its own mount namespace: whatever the script mounts is gone when it ends, even if it fails.
            CommandResult result = Exec.call(List.of("unshare", "--mount", "--propagation", "private", "sh",
                    work.resolve("scripts/build-rootfs.sh").toString(), temp.toString(), preinstall.toString(),
                    release.codename(), mirror),
                    null, Map.of(), 1800);
            Files.writeString(logFile, result.stdout() + "\n--- stderr ---\n" + result.stderr());
            if (result.exitCode() != 0) {
                throw new IllegalStateException("building the test fleet rootfs failed (exit " + result.exitCode()
                        + "), see " + logFile + "\n" + tail(result.stderr()));
            }
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            log.info("Test fleet rootfs built in {} s", (System.nanoTime() - started) / 1_000_000_000L);
        } finally {
            Exec.run("rm", "-rf", "--one-file-system", work.toString(), temp.toString());
        }
    }

    /** Leftovers of builds that died; safe to remove because we hold the build lock. */
    private static void removeStaleBuilds(Path cache) throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            for (Path stale : entries.filter(p -> p.getFileName().toString().contains(".tmp-")).toList()) {
                log.info("Removing an unfinished rootfs build: {}", stale);
                Exec.run("rm", "-rf", "--one-file-system", stale.toString());
            }
        }
    }

    /** Hash of everything the build reads, so another release, script or demo package means a fresh rootfs. */
    static String cacheKey(DebianRelease release) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("release " + release.codename() + "\n").getBytes(StandardCharsets.UTF_8));
            for (String name : Resources.BUILD_SCRIPTS) {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(Resources.read(name));
            }
            for (DebPackage deb : DemoPackages.installed()) {
                digest.update(deb.recipe().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tail(String text) {
        return text.length() <= 3000 ? text : "..." + text.substring(text.length() - 3000);
    }
}
