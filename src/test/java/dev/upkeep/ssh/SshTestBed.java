package dev.upkeep.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Scratch directory with client keys, one authorized_keys for all test sshds, a known_hosts and helpers. */
final class SshTestBed {
    final Path dir;
    final Path authorizedKeys;
    final Path knownHosts;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    SshTestBed(Path dir) {
        this.dir = dir;
        this.authorizedKeys = dir.resolve("authorized_keys");
        this.knownHosts = dir.resolve("known_hosts");
    }

    Path key(String name, String type, String passphrase) throws Exception {
        return TestKeys.create(dir, name, type, passphrase, authorizedKeys);
    }

    LocalSshd sshd(String name, List<String> hostKeyTypes) throws Exception {
        LocalSshd sshd = LocalSshd.start(dir.resolve(name), authorizedKeys, hostKeyTypes);
        toClose.add(sshd);
        return sshd;
    }

    /** An sshd with these sshd_config lines first (e.g. forcing one algorithm). */
    LocalSshd sshd(String name, List<String> hostKeyTypes, List<String> extraConfig) throws Exception {
        LocalSshd sshd = LocalSshd.start(dir.resolve(name), authorizedKeys, hostKeyTypes, 0, extraConfig);
        toClose.add(sshd);
        return sshd;
    }

    /** Trusts {@code sshd}'s host key of {@code type} in the test known_hosts. */
    void trust(LocalSshd sshd, String type) throws Exception {
        Files.writeString(knownHosts, sshd.knownHostsLine(type), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    SshOptions options() {
        return new SshOptions(dir.resolve("no-ssh-config"), knownHosts, Duration.ofSeconds(5),
                Duration.ofSeconds(15), 3, null);
    }

    SshConnector connector() {
        return connector(options(), PassphraseProvider.NONE);
    }

    SshConnector connector(SshOptions options, PassphraseProvider passphrases) {
        SshConnector c = new SshConnector(options, passphrases);
        toClose.add(0, c);
        return c;
    }

    static ConnectRequest request(LocalSshd sshd, Path key) {
        return new ConnectRequest("127.0.0.1", sshd.port(), "root", key);
    }

    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }
}
