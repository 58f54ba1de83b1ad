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

    private static String fingerprint(LocalSshd sshd, String type) {
        try {
            return sshd.fingerprint(type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
