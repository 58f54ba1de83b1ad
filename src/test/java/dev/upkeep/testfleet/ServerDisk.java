package dev.upkeep.testfleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server's persistent state on the host, under the fleet's temp dir: the overlay upper and work dirs (its
 * "disk" over the shared rootfs), the empty directory its root is mounted on (inside its own mount namespace
 * only), its host keys and its per-server configuration. The configuration is written into the upper dir once,
 * before the first mount (an overlay's upper dir must not be changed while mounted).
 */
final class ServerDisk {
    private final String name;
    private final Path dir;
    private final DebianRelease release;
    private final boolean unattendedUpgrades;
    private final Map<String, String> fingerprints = new LinkedHashMap<>();
    private final List<String> publicKeys = new ArrayList<>();
    private volatile int port;
    private volatile List<String> extraSshdOptions = List.of();

    ServerDisk(String name, Path dir, DebianRelease release, boolean unattendedUpgrades) {
        this.name = name;
        this.dir = dir;
        this.release = release;
        this.unattendedUpgrades = unattendedUpgrades;
        try {
            Files.createDirectories(upper());
            Files.createDirectories(work());
            Files.createDirectories(mountPoint());
            Files.createDirectories(scratch());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DebianRelease release() {
        return release;
    }

    Path upper() {
        return dir.resolve("upper");
    }

    Path work() {
        return dir.resolve("work");
    }

    Path mountPoint() {
        return dir.resolve("root");
    }

    /** Host-side temp space for this server (built packages, boot id file). */
    Path scratch() {
        return dir.resolve("scratch");
    }

    Path consoleLog() {
        return dir.resolve("console.log");
    }

    /** Writes host keys, sshd config, authorized keys, apt source and hostname into the upper dir. */
    void provision(String clientPublicKey, Map<String, String> sourcesFiles, Path repoKeyring, int port) {
        try {
            Path ssh = Files.createDirectories(upper().resolve("etc/ssh"));
            HostKeyPool.take(ssh);
            loadHostKeys();
            this.port = port;
            Files.writeString(ssh.resolve("sshd_config"), sshdConfig());
            Path authorized = Files.createDirectories(ssh.resolve("authorized_keys"));
            for (String user : List.of("root", "deploy", "admin", "nopw")) {
                Files.writeString(authorized.resolve(user), clientPublicKey);
            }
            Path etc = upper().resolve("etc");
            Files.writeString(etc.resolve("hostname"), name + "\n");
            Files.writeString(etc.resolve("hosts"), "127.0.0.1\tlocalhost\n127.0.1.1\t" + name + "\n"
                    + "::1\tlocalhost ip6-localhost ip6-loopback\n");
            Path keyrings = Files.createDirectories(etc.resolve("apt/keyrings"));
            Files.copy(repoKeyring, keyrings.resolve(Path.of(AptRepo.KEYRING_ON_SERVER).getFileName()));
            Path sources = Files.createDirectories(etc.resolve("apt/sources.list.d"));
            for (var file : sourcesFiles.entrySet()) {
                Files.writeString(sources.resolve(file.getKey()), file.getValue());
            }
            if (release.isUbuntu()) {
                UbuntuLook.apply(upper(), release, unattendedUpgrades);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot provision " + name, e);
        }
    }

    /** Rewrites the port in sshd_config; only while the server is down (see the class comment). */
    void changePort(int port) {
        this.port = port;
        rewriteSshdConfig();
    }

    /** Adds these lines to sshd_config (replacing earlier extra lines); only while the server is down. */
    void extraSshdOptions(List<String> lines) {
        for (String line : lines) {
            if (line.contains("\n") || line.isBlank()) {
                throw new IllegalArgumentException("one sshd_config line each, not '" + line + "'");
            }
        }
        this.extraSshdOptions = List.copyOf(lines);
        rewriteSshdConfig();
    }

    private void rewriteSshdConfig() {
        try {
            Files.writeString(upper().resolve("etc/ssh/sshd_config"), sshdConfig());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the host keys' public halves (again, e.g. after they were regenerated on the server). */
    synchronized void loadHostKeys() {
        fingerprints.clear();
        publicKeys.clear();
        try {
            for (String type : HostKeyPool.KEY_TYPES) {
                String line = Files.readString(upper().resolve("etc/ssh/ssh_host_" + type + "_key.pub"));
                publicKeys.add(stripComment(line));
                fingerprints.put(type, HostKeyPool.fingerprint(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the host keys of " + name, e);
        }
    }

    synchronized String fingerprint(String type) {
        String fingerprint = fingerprints.get(type);
        if (fingerprint == null) {
            throw new IllegalArgumentException("no " + type + " host key");
        }
        return fingerprint;
    }

    /** {@code type base64} of each host key. */
    synchronized List<String> publicHostKeys() {
        return List.copyOf(publicKeys);
    }

    private static String stripComment(String publicKey) {
        String[] parts = publicKey.trim().split(" ");
        return parts[0] + " " + parts[1];
    }

    /** sshd uses the first value of a keyword, so the extra lines (a test's choice) come first. */
    private String sshdConfig() {
        StringBuilder config = new StringBuilder("# Test fleet server (" + release.prettyName() + ")\n");
        extraSshdOptions.forEach(line -> config.append(line).append('\n'));
        config.append("Port ").append(port).append("\nListenAddress 127.0.0.1\n");
        for (String type : HostKeyPool.KEY_TYPES) {
            config.append("HostKey /etc/ssh/ssh_host_").append(type).append("_key\n");
        }
        if (release.userland() != DebianRelease.DEBIAN_12) {
            // OpenSSH 9.8+ refuses a source address for a while after connections that never authenticate (a
            // key exchange test or benchmark makes many); every test connection comes from 127.0.0.1.
            config.append("PerSourcePenalties no\n");
        }
        // No PAM in minbase; key logins only; many parallel connections from the tests.
        return config.append("""
                UsePAM no
                PermitRootLogin prohibit-password
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PubkeyAuthentication yes
                AuthorizedKeysFile .ssh/authorized_keys /etc/ssh/authorized_keys/%u
                StrictModes no
                MaxStartups 200
                MaxSessions 100
                PrintMotd no
                AcceptEnv LANG LC_*
                PidFile /run/sshd.pid
                Subsystem sftp /usr/lib/openssh/sftp-server
                """).toString();
    }
}
