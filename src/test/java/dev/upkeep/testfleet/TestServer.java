package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One server of the {@link TestFleet}: a real sshd on 127.0.0.1:{@link #port()} in its own PID, mount and UTS
 * namespaces, over its own overlay of the shared rootfs (its "disk", kept across {@link #stop()}/{@link #start()}),
 * with its own tmpfs /run and boot id (both new on every start).
 * <p>
 * A {@code reboot}, {@code shutdown -r now} or {@code systemctl reboot} run on the server takes it down and brings
 * it back after {@link #rebootDelay(Duration)} with a new boot id; {@code poweroff} leaves it down.
 */
public final class TestServer {
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final String name;
    private final ServerDisk disk;
    private final ServerProcess process;

    TestServer(String name, ServerDisk disk, ServerProcess process) {
        this.name = name;
        this.disk = disk;
        this.process = process;
    }

    ServerDisk disk() {
        return disk;
    }

    /** {@code srv01}, {@code srv02}, …; also the server's hostname. */
    public String name() {
        return name;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return process.port();
    }

    /** What the server's sshd (and init) wrote to stderr, across boots; {@code LogLevel DEBUG1} shows each kex. */
    public String sshdLog() {
        try {
            return Files.readString(disk.consoleLog());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Debian release this server runs. */
    public DebianRelease release() {
        return disk.release();
    }

    /**
     * Restarts the server's sshd with these lines first in its sshd_config (sshd takes the first value of a
     * keyword), e.g. {@code sshdOptions("KexAlgorithms mlkem768x25519-sha256")}; no lines restore the standard
     * config. The server stops and starts (new boot id) because its disk must not change while mounted.
     */
    public void sshdOptions(String... lines) {
        process.stop();
        disk.extraSshdOptions(List.of(lines));
        process.start();
    }

    /** The boot id of the current (or last) boot, as /proc/sys/kernel/random/boot_id shows it on the server. */
    public String bootId() {
        return process.bootId();
    }

    /** SHA256 fingerprint of the ed25519 host key, as {@code ssh-keygen -lf} prints it ({@code SHA256:…}). */
    public String hostKeyFingerprint() {
        return disk.fingerprint("ed25519");
    }

    /** SHA256 fingerprint of the host key of one type: {@code ed25519}, {@code ecdsa} or {@code rsa}. */
    public String hostKeyFingerprint(String type) {
        return disk.fingerprint(type);
    }

    /** known_hosts lines for this server ({@code [127.0.0.1]:port type key}), one per host key. */
    public List<String> knownHostsLines() {
        return disk.publicHostKeys().stream().map(key -> "[" + host() + "]:" + port() + " " + key).toList();
    }

    /** Only the line of one key type, e.g. to make a known_hosts that knows this server only by its RSA key. */
    public String knownHostsLine(String type) {
        return knownHostsLines().stream().filter(line -> line.contains(" " + keyAlgorithm(type) + " ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type + " host key"));
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    /** Runs a shell command on the server as root (not over SSH) and returns its stdout; nonzero exit throws. */
    public String run(String shellCommand) {
        CommandResult result = call(shellCommand);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(name + ": `" + shellCommand + "` exited with " + result.exitCode()
                    + "\nstdout: " + result.stdout() + "\nstderr: " + result.stderr());
        }
        return result.stdout();
    }

    /** Like {@link #run} but returns exit code, stdout and stderr instead of throwing. */
    public CommandResult call(String shellCommand) {
        return Exec.call(process.enter(List.of("/usr/bin/env", "-i", PATH, "HOME=/root", "LANG=C.UTF-8",
                "DEBIAN_FRONTEND=noninteractive", "/bin/sh", "-c", shellCommand)), null, Map.of(), 600);
    }

    /**
     * Starts a shell command on the server as root in the background (detached, output discarded) and returns
     * at once, e.g. {@code spawn("flock /var/lib/dpkg/lock-frontend sleep 30")} to hold the dpkg lock.
     */
    public void spawn(String shellCommand) {
        // The command travels as its own argument ($1), so it needs no quoting here.
        CommandResult result = Exec.call(process.enter(List.of("/usr/bin/env", "-i", PATH, "HOME=/root",
                "LANG=C.UTF-8", "/bin/sh", "-c", "setsid /bin/sh -c \"$1\" </dev/null >/dev/null 2>&1 &", "sh",
                shellCommand)), null, Map.of(), 60);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(name + ": cannot start `" + shellCommand + "`: " + result.stderr());
        }
    }

    /** Writes a file on the server (as root), e.g. a .deb to install. */
    public void writeFile(String serverPath, byte[] content) {
        if (!serverPath.startsWith("/") || serverPath.contains("..") || serverPath.contains("'")) {
            throw new IllegalArgumentException("need a plain absolute path: " + serverPath);
        }
        CommandResult result = Exec.callWithInput(process.enter(List.of("/bin/sh", "-c", "cat > '" + serverPath + "'")),
                content, 60);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(name + ": cannot write " + serverPath + ": " + result.stderr());
        }
    }

    /** Installs (or up/downgrades to) these package versions with dpkg, bypassing the repo. */
    public void install(DebPackage... packages) {
        Path dir = disk.scratch();
        StringBuilder command = new StringBuilder("dpkg -i");
        for (DebPackage deb : packages) {
            try {
                Path file = deb.build(dir);
                writeFile("/tmp/" + deb.fileName(), Files.readAllBytes(file));
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            command.append(" '/tmp/").append(deb.fileName()).append("'");
        }
        run(command + " && rm -f " + Stream.of(packages).map(deb -> "'/tmp/" + deb.fileName() + "'")
                .collect(Collectors.joining(" ")));
    }

    /** Removes packages with dpkg (purge). */
    public void remove(String... packageNames) {
        for (String pkg : packageNames) {
            requirePackageName(pkg);
        }
        run("dpkg --purge " + String.join(" ", packageNames));
    }

    /** What a package's postinst would do: creates /run/reboot-required and adds the packages to its .pkgs. */
    public void requireReboot(String... packageNames) {
        StringBuilder command = new StringBuilder("echo '*** System restart required ***' > /run/reboot-required"
                + " && touch /run/reboot-required.pkgs");
        for (String pkg : packageNames) {
            requirePackageName(pkg);
            command.append(" && (grep -qsx '").append(pkg).append("' /run/reboot-required.pkgs || echo '")
                    .append(pkg).append("' >> /run/reboot-required.pkgs)");
        }
        run(command.toString());
    }

    /**
     * Gives the server new host keys (as a reinstalled server would have). sshd uses them from its next start;
     * the fleet's known_hosts keeps the old ones, so a strict client then sees a changed host key.
     */
    public void regenerateHostKeys() {
        run("rm -f /etc/ssh/ssh_host_*_key /etc/ssh/ssh_host_*_key.pub && for type in ed25519 ecdsa rsa; do"
                + " ssh-keygen -q -t $type -N '' -C root@" + name + " -f /etc/ssh/ssh_host_${type}_key; done");
        disk.loadHostKeys();
    }

    /** Takes the server down: every process in it ends, sshd refuses connections. Its disk is kept. */
    public void stop() {
        process.stop();
    }

    /** Boots the server again (same port and host keys, new boot id, empty /run). */
    public void start() {
        process.start();
    }

    /**
     * How long a server-side reboot keeps the server down before it comes back (default 1 s). A very long delay
     * is a server that never comes back.
     */
    public TestServer rebootDelay(Duration delay) {
        process.rebootDelay(delay);
        return this;
    }

    /**
     * With {@code true}, the server comes back from stops and reboots with the same boot id: a faulty "reboot"
     * that a reboot verification must catch.
     */
    public TestServer keepBootIdAcrossBoots(boolean keep) {
        process.keepBootId(keep);
        return this;
    }

    /** The boot id the next boot (start or reboot) gets instead of a random one: a worst case chosen by a test. */
    public TestServer nextBootId(String id) {
        process.nextBootId(id);
        return this;
    }

    /** How many times the server has booted (1 after the fleet started it). */
    public int boots() {
        return process.boots();
    }

    @Override
    public String toString() {
        return name + "@" + host() + ":" + port();
    }

    private static void requirePackageName(String pkg) {
        if (!PACKAGE.matcher(pkg).matches()) {
            throw new IllegalArgumentException("not a package name: " + pkg);
        }
    }

    static String keyAlgorithm(String type) {
        return switch (type) {
            case "ed25519" -> "ssh-ed25519";
            case "ecdsa" -> "ecdsa-sha2-nistp256";
            case "rsa" -> "ssh-rsa";
            default -> throw new IllegalArgumentException("unknown host key type " + type);
        };
    }

    static String newBootId() {
        return UUID.randomUUID().toString();
    }
}
