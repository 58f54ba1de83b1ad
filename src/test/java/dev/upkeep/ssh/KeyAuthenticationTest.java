package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Logs in to a real sshd with key files of every supported type, and with a passphrase-protected key. */
class KeyAuthenticationTest {
    @TempDir
    static Path dir;
    static SshTestBed bed;
    static LocalSshd sshd;

    @BeforeAll
    static void start() throws Exception {
        LocalSshd.assumeAvailable();
        bed = new SshTestBed(dir);
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            bed.key("id_" + type, type, "");
        }
        bed.key("id_locked", "ed25519", "correct horse");
        bed.key("id_unauthorized", "ed25519", "");
        // Make the last one really unauthorized: start over with a file that lacks it.
        java.nio.file.Files.writeString(bed.authorizedKeys, java.nio.file.Files.readAllLines(bed.authorizedKeys).stream()
                .filter(l -> !l.endsWith("id_unauthorized")).map(l -> l + "\n").reduce("", String::concat));
        sshd = bed.sshd("sshd", LocalSshd.ALL_HOST_KEYS);
        bed.trust(sshd, "ed25519");
    }

    @AfterAll
    static void stop() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void logsInWithKeyFile(String type) throws Exception {
        try (SshConnection c = bed.connector().connect(SshTestBed.request(sshd, dir.resolve("id_" + type)))) {
            assertThat(c.isOpen()).isTrue();
            assertThat(c.run("id -un", Cancellation.none()).stdout()).isEqualTo("root");
        }
    }

    @Test
    void asksPassphraseOncePerKeyAndKeepsIt() throws Exception {
        List<Integer> asked = new ArrayList<>();
        SshConnector connector = bed.connector(bed.options(), (file, attempt) -> {
            asked.add(attempt);
            return attempt == 1 ? "wrong".toCharArray() : "correct horse".toCharArray();
        });
        ConnectRequest req = SshTestBed.request(sshd, dir.resolve("id_locked"));
        try (SshConnection c = connector.connect(req)) {
            assertThat(c.run("echo ok", Cancellation.none()).stdout()).isEqualTo("ok");
        }
        try (SshConnection c = connector.connect(req)) {
            assertThat(c.isOpen()).isTrue();
        }
        assertThat(asked).as("asked once, retried once after the wrong answer, then remembered").containsExactly(1, 2);
    }

    @Test
    void declinedPassphraseFailsAuthenticationNamingTheKey() {
        SshConnector connector = bed.connector(bed.options(), (file, attempt) -> null);
        assertThatThrownBy(() -> connector.connect(SshTestBed.request(sshd, dir.resolve("id_locked"))))
                .isInstanceOfSatisfying(AuthFailedException.class, e -> {
                    assertThat(e.user()).isEqualTo("root");
                    assertThat(e.tried()).singleElement().asString().contains("id_locked");
                    assertThat(e.getMessage()).contains("127.0.0.1").contains("id_locked");
                });
    }

    @Test
    void unauthorizedKeyIsAnAuthFailure() {
        assertThatThrownBy(() -> bed.connector().connect(SshTestBed.request(sshd, dir.resolve("id_unauthorized"))))
                .isInstanceOf(AuthFailedException.class).hasMessageContaining("id_unauthorized");
    }

    @Test
    void refusedPortIsUnreachable() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> bed.connector().connect(new ConnectRequest("127.0.0.1", port, "root", dir.resolve("id_ed25519"))))
                .isInstanceOf(UnreachableException.class).hasMessageContaining("refused").hasMessageContaining(":" + port);
    }
}
