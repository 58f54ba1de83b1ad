package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots and stops one server: {@code unshare --pid --mount --uts --fork --kill-child} runs server-init.sh as
 * PID 1 of a new PID namespace. Killing that init (or closing its stdin) ends every process of the server, and
 * its mounts go with its mount namespace. Only PIDs this object started are ever signalled.
 */
final class ServerProcess {
    private static final Logger log = LoggerFactory.getLogger(ServerProcess.class);
    static final int EXIT_REBOOT = 42;
    static final int EXIT_POWEROFF = 43;
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(30);
    /** Time namespaces came with Linux 5.6; without them a server's uptime is the host's. */
    private static final boolean HAS_TIME_NAMESPACE = Files.exists(Path.of("/proc/self/ns/time"));

    private final String name;
    private final ServerDisk disk;
    private final Path initScript;
    private final List<Path> lowerDirs;
    private volatile int port;
    private volatile String bootId = "";
    private volatile Duration rebootDelay = Duration.ofSeconds(1);
    private volatile boolean closed;
    private volatile boolean keepBootId;
    private volatile String nextBootId;
    private int boots;
    private Process unshare;
    private ProcessHandle init;

    ServerProcess(String name, ServerDisk disk, Path initScript, List<Path> lowerDirs, int port) {
        this.name = name;
        this.disk = disk;
        this.initScript = initScript;
        this.lowerDirs = List.copyOf(lowerDirs);
        this.port = port;
    }

    int port() {
        return port;
    }

    String bootId() {
        return bootId;
    }

    synchronized int boots() {
        return boots;
    }

    void rebootDelay(Duration delay) {
        this.rebootDelay = delay;
    }

    void keepBootId(boolean keep) {
        this.keepBootId = keep;
    }

    void nextBootId(String id) {
        this.nextBootId = id;
    }

    synchronized boolean isRunning() {
        return init != null && init.isAlive();
    }

    /** Boots the server and returns once its sshd listens. */
    synchronized void start() {
        if (closed) {
            throw new IllegalStateException(name + " belongs to a closed fleet");
        }
        if (isRunning()) {
            return;
        }
        try {
            if (nextBootId != null) {
                bootId = nextBootId;
                nextBootId = null;
            } else if (!(keepBootId && !bootId.isEmpty())) {
                bootId = TestServer.newBootId();
            }
            Path bootIdFile = disk.scratch().resolve("boot_id");
            Files.writeString(bootIdFile, bootId + "\n");
            long logOffset = Files.exists(disk.consoleLog()) ? Files.size(disk.consoleLog()) : 0;
            List<String> command = new ArrayList<>(List.of("unshare", "--pid", "--mount", "--uts", "--fork",
                    "--kill-child"));
            if (HAS_TIME_NAMESPACE) {
                // Its own boot clock, starting near zero: /proc/uptime says how long *this* server has been up.
                command.addAll(List.of("--time", "--boottime", "-" + hostUptimeSeconds()));
            }
            command.addAll(List.of("sh", initScript.toString()));
            ProcessBuilder builder = new ProcessBuilder(Exec.resolve(command));
            builder.environment().put("PATH", Exec.SBIN_PATH);
            builder.environment().putAll(Map.of("NAME", name, "ROOT", disk.mountPoint().toString(),
                    "LOWER", String.join(":", lowerDirs.stream().map(Path::toString).toList()),
                    "UPPER", disk.upper().toString(), "WORK", disk.work().toString(),
                    "BOOT_ID", bootIdFile.toString()));
            builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(disk.consoleLog().toFile()));
            unshare = builder.start();
            boots++;
            init = awaitInit(unshare);
            awaitListening(logOffset);
            Process started = unshare;
            started.onExit().thenAccept(this::exited);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot start " + name, e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Kills the server's init (and so the whole server) and waits until it is gone. */
    synchronized void stop() {
        if (unshare == null) {
            return;
        }
        Process stopping = unshare;
        unshare = null;
        // SIGKILL to PID 1 of the server's namespace ends every process in it; unshare then reaps it and exits.
        // Waiting on unshare (our child) is prompt; waiting on init itself (a grandchild) would be polled.
        if (init != null) {
            init.destroyForcibly();
        }
        try {
            if (!stopping.waitFor(20, TimeUnit.SECONDS)) {
                stopping.destroyForcibly(); // --kill-child: init goes with it
                if (!stopping.waitFor(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + " did not stop within 30 s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + name, e);
        } finally {
            init = null;
        }
    }

    /** Ends this server for good (fleet close): no reboot may bring it back. */
    void close() {
        closed = true;
        stop();
    }

    /** The command vector that runs {@code command} inside the server, chrooted, as root. */
    synchronized List<String> enter(List<String> command) {
        if (!isRunning()) {
            throw new IllegalStateException(name + " is not running");
        }
        List<String> full = new ArrayList<>(List.of("nsenter", "--target", String.valueOf(init.pid()), "--mount",
                "--uts", "--pid"));
        if (HAS_TIME_NAMESPACE) {
            full.add("--time");
        }
        full.addAll(List.of("--", "chroot", disk.mountPoint().toString()));
        full.addAll(command);
        return full;
    }

    /** Called when unshare ends: a server-side reboot brings the server back after the delay. */
    private void exited(Process process) {
        synchronized (this) {
            if (process != unshare) {
                return; // stop() ended it
            }
            unshare = null;
            init = null;
        }
        int code = process.exitValue();
        if (code == EXIT_REBOOT && !closed) {
            log.info("{} is rebooting ({} ms down)", name, rebootDelay.toMillis());
            CompletableFuture.delayedExecutor(rebootDelay.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                if (closed) {
                    return;
                }
                try {
                    start();
                } catch (RuntimeException e) {
                    log.error("{} did not come back from its reboot", name, e);
                }
            });
        } else if (code != EXIT_POWEROFF && !closed) {
            log.warn("{} went down unexpectedly (exit {}), see {}", name, code, disk.consoleLog());
        }
    }

    private ProcessHandle awaitInit(Process process) {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            var child = process.toHandle().children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " did not boot: " + consoleTail());
            }
            pause();
        }
        throw new IllegalStateException(name + ": no init process after " + BOOT_TIMEOUT);
    }

    /**
     * sshd logs "Server listening on 127.0.0.1 port N" right after listen(), so connections succeed from then on;
     * a port someone else holds shows up as "Address already in use" and sshd (and so init) ends.
     */
    private void awaitListening(long logOffset) throws IOException {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        String expected = "Server listening on 127.0.0.1 port " + port;
        while (System.nanoTime() < deadline) {
            if (!init.isAlive()) {
                throw new PortInUseOrBootFailure(name, port, consoleTail());
            }
            if (consoleSince(logOffset).contains(expected)) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(name + ": sshd not listening after " + BOOT_TIMEOUT + ": " + consoleTail());
    }

    private String consoleSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(disk.consoleLog());
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset));
    }

    private String consoleTail() {
        try {
            String all = Files.readString(disk.consoleLog());
            return all.length() <= 2000 ? all : all.substring(all.length() - 2000);
        } catch (IOException e) {
            return "(no console log)";
        }
    }

    private static long hostUptimeSeconds() throws IOException {
        String uptime = Files.readString(Path.of("/proc/uptime"));
        return Long.parseLong(uptime.substring(0, uptime.indexOf('.')));
    }

    /** Polling a child process and a log file has no event to wait on; keep the step short. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while booting", e);
        }
    }

    /** The port sshd is configured for (provisioning writes it into sshd_config). */
    void usePort(int newPort) {
        this.port = newPort;
    }

    /** Moves a server that is down to another port. */
    void changePort(int newPort) {
        this.port = newPort;
        disk.changePort(newPort);
    }

    /** The server did not come up; {@code portInUse} when sshd could not bind (someone took the port). */
    static final class PortInUseOrBootFailure extends IllegalStateException {
        final boolean portInUse;

        PortInUseOrBootFailure(String name, int port, String console) {
            super(name + " did not start on port " + port + ": " + console);
            this.portInUse = console.contains("Address already in use");
        }
    }
}
