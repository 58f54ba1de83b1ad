package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Host-key trust against real sshds: unknown, accepted, changed, hashed, and known only by an older key type. */
class HostKeyTrustTest {
    @TempDir
    Path dir;
    SshTestBed bed;
    Path key;

    @BeforeEach
    void setUp() throws Exception {
        LocalSshd.assumeAvailable();
        bed = new SshTestBed(dir);
        key = bed.key("id_ed25519", "ed25519", "");
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    @Test
    void unknownHostKeyIsRefusedWithTheFingerprintSshKeygenShows() throws Exception {
        LocalSshd sshd = bed.sshd("a", LocalSshd.ALL_HOST_KEYS);
        assertThatThrownBy(() -> bed.connector().connect(SshTestBed.request(sshd, key)))
                .isInstanceOfSatisfying(HostKeyUnknownException.class, e -> {
                    assertThat(e.host()).isEqualTo("127.0.0.1");
                    assertThat(e.port()).isEqualTo(sshd.port());
                    assertThat(e.keyType()).isEqualTo("ssh-ed25519");
                    assertThat(e.fingerprint()).isEqualTo(fingerprint(sshd, "ed25519"));
                    assertThat(e.key()).isNotNull();
                });
        assertThat(bed.knownHosts).doesNotExist();
    }

    @Test
    void acceptedKeyIsWrittenAndTheNextConnectSucceeds() throws Exception {
        LocalSshd sshd = bed.sshd("a", LocalSshd.ALL_HOST_KEYS);
        SshConnector connector = bed.connector();
        HostKeyUnknownException unknown = null;
        try {
            connector.connect(SshTestBed.request(sshd, key)).close();
        } catch (HostKeyUnknownException e) {
            unknown = e;
        }
        assertThat(unknown).isNotNull();
        connector.knownHosts().accept(unknown.host(), unknown.port(), unknown.key());
        assertThat(Files.readString(bed.knownHosts)).startsWith("[127.0.0.1]:" + sshd.port() + " ssh-ed25519 ");
        try (SshConnection c = connector.connect(SshTestBed.request(sshd, key))) {
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void changedHostKeyIsRefusedWithOldAndNewFingerprints() throws Exception {
        LocalSshd first = bed.sshd("first", List.of("ed25519"));
        bed.trust(first, "ed25519");
        String known = fingerprint(first, "ed25519");
        int port = first.port();
        first.close();
        LocalSshd impostor = LocalSshd.start(dir.resolve("impostor"), bed.authorizedKeys, List.of("ed25519"), port);
        try {
            assertThatThrownBy(() -> bed.connector().connect(SshTestBed.request(impostor, key)))
                    .isInstanceOfSatisfying(HostKeyChangedException.class, e -> {
                        assertThat(e.knownFingerprints()).containsExactly(known);
                        assertThat(e.offeredFingerprint()).isEqualTo(fingerprint(impostor, "ed25519")).isNotEqualTo(known);
                        assertThat(e.file()).isEqualTo(bed.knownHosts);
                        assertThat(e.line()).isEqualTo(1);
                        assertThat(e.getMessage()).contains("CHANGED");
                    });
        } finally {
            impostor.close();
        }
    }

    @Test
    void hashedKnownHostsEntryIsAccepted() throws Exception {
        LocalSshd sshd = bed.sshd("a", LocalSshd.ALL_HOST_KEYS);
        bed.trust(sshd, "ed25519");
        TestKeys.run("ssh-keygen", "-H", "-f", bed.knownHosts.toString());
        assertThat(Files.readString(bed.knownHosts)).startsWith("|1|").doesNotContain("127.0.0.1");
        try (SshConnection c = bed.connector().connect(SshTestBed.request(sshd, key))) {
            assertThat(c.isOpen()).isTrue();
        }
    }

    @ParameterizedTest(name = "known only by {0}")
    @ValueSource(strings = {"rsa", "ecdsa"})
    void hostKnownOnlyByAnOlderKeyTypeStillConnects(String type) throws Exception {
        LocalSshd sshd = bed.sshd("a", LocalSshd.ALL_HOST_KEYS);
        bed.trust(sshd, type);
        try (SshConnection c = bed.connector().connect(SshTestBed.request(sshd, key))) {
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void serverOfferingOnlyAKeyTypeKnownHostsLacksIsAPossibleSubstitution() throws Exception {
        LocalSshd before = bed.sshd("before", List.of("ecdsa"));
        bed.trust(before, "ecdsa");
        String known = fingerprint(before, "ecdsa");
        int port = before.port();
        before.close();
        LocalSshd after = LocalSshd.start(dir.resolve("after"), bed.authorizedKeys, List.of("ed25519"), port);
        try {
            assertThatThrownBy(() -> bed.connector().connect(SshTestBed.request(after, key)))
                    .isInstanceOfSatisfying(HostKeySubstitutedException.class, e -> {
                        assertThat(e.keyType()).isEqualTo("ssh-ed25519");
                        assertThat(e.offeredFingerprint()).isEqualTo(fingerprint(after, "ed25519"));
                        assertThat(e.knownKeys()).extracting(KnownHostKey::keyType, KnownHostKey::fingerprint)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("ecdsa-sha2-nistp256", known));
                        assertThat(e.hostKeyName().name()).isEqualTo("[127.0.0.1]:" + port);
                    });
        } finally {
            after.close();
        }
        assertThat(Files.readAllLines(bed.knownHosts)).hasSize(1);
    }

    @Test
    void hostKeyAliasOfTheConfigIsWhatIsVerifiedAndTrustedAsOpenSshDoes() throws Exception {
        LocalSshd sshd = bed.sshd("a", List.of("ed25519"));
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, "Host web\n  HostName 127.0.0.1\n  Port " + sshd.port() + "\n  HostKeyAlias Web-Alias\n");
        // A line for the address itself holding another key must not matter: the alias is the name.
        Files.writeString(bed.knownHosts, "[127.0.0.1]:" + sshd.port() + " " + otherEd25519Key() + "\n");
        SshConnector connector = bed.connector(bed.options().withSshConfig(config), PassphraseProvider.NONE);
        ConnectRequest web = new ConnectRequest("web", null, "root", key);
        HostKeyUnknownException unknown = null;
        try {
            connector.connect(web).close();
        } catch (HostKeyUnknownException e) {
            unknown = e;
        }
        assertThat(unknown).isNotNull();
        assertThat(unknown.hostKeyName()).isEqualTo(new HostKeyName("web-alias", false));
        connector.knownHosts().accept(unknown.hostKeyName(), unknown.key());
        assertThat(Files.readAllLines(bed.knownHosts).get(1)).startsWith("web-alias ssh-ed25519 ");
        try (SshConnection c = connector.connect(web)) {
            assertThat(c.isOpen()).isTrue();
        }
        assertThat(openSsh(sshd, "-o", "HostKeyAlias=web-alias", "-o", "StrictHostKeyChecking=yes"))
                .as("ssh finds the key Upkeep recorded under the alias").isZero();
    }

    @Test
    void hostKeyAliasThatCannotBeAKnownHostsNameIsRefusedNamingTheConfig() throws Exception {
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, "Host web\n  HostName 127.0.0.1\n  HostKeyAlias \"two words\"\n");
        SshConnector connector = bed.connector(bed.options().withSshConfig(config), PassphraseProvider.NONE);
        assertThatThrownBy(() -> connector.connect(new ConnectRequest("web", 1, "root", key)))
                .isInstanceOf(SshException.class).hasMessageContaining(config.toString()).hasMessageContaining("two words");
    }

    @Test
    void hashKnownHostsYesRecordsAHashedLineThatOpenSshAccepts() throws Exception {
        LocalSshd sshd = bed.sshd("a", List.of("ed25519"));
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, "Host *\n  HashKnownHosts yes\n");
        SshConnector connector = bed.connector(bed.options().withSshConfig(config), PassphraseProvider.NONE);
        HostKeyUnknownException unknown = null;
        try {
            connector.connect(SshTestBed.request(sshd, key)).close();
        } catch (HostKeyUnknownException e) {
            unknown = e;
        }
        assertThat(unknown).isNotNull();
        connector.knownHosts().accept(unknown.hostKeyName(), unknown.key());
        assertThat(Files.readString(bed.knownHosts)).startsWith("|1|").doesNotContain("127.0.0.1");
        try (SshConnection c = connector.connect(SshTestBed.request(sshd, key))) {
            assertThat(c.isOpen()).isTrue();
        }
        assertThat(openSsh(sshd, "-o", "StrictHostKeyChecking=yes")).as("ssh accepts the hashed line").isZero();
    }

    /** A real ssh recording new keys (accept-new) while Upkeep records others: every line of both survives. */
    @Test
    void sshAppendingAtTheSameTimeAsUpkeepKeepsEveryLine() throws Exception {
        LocalSshd sshd = bed.sshd("a", List.of("ed25519"));
        Files.writeString(bed.knownHosts, "");
        KnownHosts knownHosts = new KnownHosts(bed.knownHosts, List.of());
        java.security.PublicKey someKey = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger ours = new java.util.concurrent.atomic.AtomicInteger();
        Thread upkeep = new Thread(() -> {
            try {
                while (!done.get()) {
                    knownHosts.accept(new HostKeyName("upkeep-" + ours.get(), false), someKey);
                    ours.incrementAndGet();
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        upkeep.start();
        int runs = 25;
        try {
            for (int i = 0; i < runs; i++) {
                assertThat(openSsh(sshd, "-o", "HostKeyAlias=ssh-" + i, "-o", "StrictHostKeyChecking=accept-new")).isZero();
            }
        } finally {
            done.set(true);
            upkeep.join();
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String l : Files.readAllLines(bed.knownHosts)) {
            names.add(l.split(" ")[0]);
        }
        for (int i = 0; i < runs; i++) {
            assertThat(names).contains("ssh-" + i);
        }
        for (int i = 0; i < ours.get(); i++) {
            assertThat(names).contains("upkeep-" + i);
        }
    }

    /** Runs OpenSSH's ssh against {@code sshd} with the test known_hosts and key; returns its exit status. */
    private int openSsh(LocalSshd sshd, String... options) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ssh", "-F", "/dev/null", "-o", "BatchMode=yes",
                "-o", "UserKnownHostsFile=" + bed.knownHosts, "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "IdentitiesOnly=yes", "-i", key.toString(), "-p", Integer.toString(sshd.port())));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("root@127.0.0.1", "true"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0) {
            System.err.println("ssh said: " + out);
        }
        return p.exitValue();
    }

    private String otherEd25519Key() throws Exception {
        Path k = dir.resolve("other_key");
        TestKeys.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", k.toString());
        String[] pub = Files.readString(Path.of(k + ".pub")).split(" ");
        return pub[0] + " " + pub[1];
    }

    private static String fingerprint(LocalSshd sshd, String type) {
        try {
            return sshd.fingerprint(type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
