package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsTest {
    @TempDir
    Path dir;

    private static PublicKey ecKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair().getPublic();
    }

    private static PublicKey rsaKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair().getPublic();
    }

    private static String line(String hosts, PublicKey key) {
        return hosts + " " + KeyTypes.typeOf(key) + " " + Base64.getEncoder().encodeToString(KeyTypes.blob(key)) + "\n";
    }

    private KnownHostsVerifier verifier(Path file, String host, int port) {
        return new KnownHostsVerifier(new KnownHosts(file, List.of()), "web1", host, port);
    }

    @Test
    void unknownKeyIsRefusedWithItsFingerprintAndKey() throws Exception {
        PublicKey key = ecKey();
        assertThatThrownBy(() -> verifier(dir.resolve("kh"), "10.0.0.5", 22).check(key))
                .isInstanceOfSatisfying(HostKeyUnknownException.class, e -> {
                    assertThat(e.fingerprint()).isEqualTo(KnownHosts.sha256Fingerprint(key)).startsWith("SHA256:").doesNotEndWith("=");
                    assertThat(e.key()).isSameAs(key);
                    assertThat(e.keyType()).isEqualTo("ecdsa-sha2-nistp256");
                    assertThat(e.getMessage()).contains("web1").contains(e.fingerprint());
                });
    }

    @Test
    void plainEntryInAHostListAndBracketedPortForm() throws Exception {
        PublicKey key = ecKey();
        Path kh = dir.resolve("kh");
        Files.writeString(kh, "# comment\n" + line("other,10.0.0.5", key) + line("[10.0.0.6]:2222", key));
        verifier(kh, "10.0.0.5", 22).check(key);
        verifier(kh, "10.0.0.6", 2222).check(key);
        assertThatThrownBy(() -> verifier(kh, "10.0.0.6", 22).check(key)).isInstanceOf(HostKeyUnknownException.class);
        assertThatThrownBy(() -> verifier(kh, "10.0.0.5", 2222).check(key)).isInstanceOf(HostKeyUnknownException.class);
    }

    @Test
    void changedKeyNamesFileLineAndBothFingerprints() throws Exception {
        PublicKey known = ecKey();
        PublicKey offered = ecKey();
        Path kh = dir.resolve("kh");
        Files.writeString(kh, line("elsewhere", offered) + line("web1.example.com", known));
        assertThatThrownBy(() -> verifier(kh, "web1.example.com", 22).check(offered))
                .isInstanceOfSatisfying(HostKeyChangedException.class, e -> {
                    assertThat(e.knownFingerprints()).containsExactly(KnownHosts.sha256Fingerprint(known));
                    assertThat(e.offeredFingerprint()).isEqualTo(KnownHosts.sha256Fingerprint(offered));
                    assertThat(e.file()).isEqualTo(kh);
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void keyOfAnotherTypeIsUnknownNotChanged() throws Exception {
        Path kh = dir.resolve("kh");
        Files.writeString(kh, line("h", rsaKey()));
        assertThatThrownBy(() -> verifier(kh, "h", 22).check(ecKey()))
                .isInstanceOf(HostKeyUnknownException.class).hasMessageContaining("other key types");
    }

    @Test
    void revokedKeyIsRefusedEvenIfAlsoListed() throws Exception {
        PublicKey key = ecKey();
        Path kh = dir.resolve("kh");
        Files.writeString(kh, line("h", key) + "@revoked " + line("*", key));
        assertThatThrownBy(() -> verifier(kh, "h", 22).check(key)).isInstanceOf(HostKeyRevokedException.class);
    }

    @Test
    void certAuthorityLinesAreIgnoredWithANote() throws Exception {
        Path kh = dir.resolve("kh");
        Files.writeString(kh, "@cert-authority " + line("*", ecKey()));
        assertThatThrownBy(() -> verifier(kh, "h", 22).check(ecKey()))
                .isInstanceOf(HostKeyUnknownException.class).hasMessageContaining("@cert-authority");
    }

    @Test
    void knownRsaKeyPrefersSha2SignatureAlgorithms() throws Exception {
        Path kh = dir.resolve("kh");
        Files.writeString(kh, line("[h]:2200", rsaKey()));
        assertThat(verifier(kh, "h", 2200).findExistingAlgorithms("h", 2200))
                .containsExactly("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
    }

    @Test
    void acceptCreatesPrivateFileAndDirectoryThenVerifies() throws Exception {
        Path kh = dir.resolve("new/.ssh/known_hosts");
        PublicKey key = ecKey();
        KnownHosts knownHosts = new KnownHosts(kh, List.of());
        knownHosts.accept("10.0.0.7", 2222, key);
        knownHosts.accept("10.0.0.8", 22, key);
        assertThat(Files.readString(kh)).startsWith("[10.0.0.7]:2222 ecdsa-sha2-nistp256 ").contains("\n10.0.0.8 ecdsa");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kh))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kh.getParent()))).isEqualTo("rwx------");
        verifier(kh, "10.0.0.7", 2222).check(key);
    }

    @Test
    void acceptAddsMissingNewlineBeforeAppending() throws Exception {
        Path kh = dir.resolve("kh");
        PublicKey first = ecKey();
        Files.writeString(kh, line("a", first).strip());
        PublicKey key = ecKey();
        new KnownHosts(kh, List.of()).accept("b", 22, key);
        verifier(kh, "a", 22).check(first);
        verifier(kh, "b", 22).check(key);
    }

    @Test
    void readsHashedEntriesWrittenBySshKeygen() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen is not installed");
        PublicKey key = ecKey();
        Path kh = dir.resolve("kh");
        Files.writeString(kh, line("[127.0.0.1]:2222", key) + line("plain.example", key));
        Process p = new ProcessBuilder("ssh-keygen", "-H", "-f", kh.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(kh)).startsWith("|1|").doesNotContain("127.0.0.1").doesNotContain("plain.example");
        verifier(kh, "127.0.0.1", 2222).check(key);
        verifier(kh, "plain.example", 22).check(key);
        assertThatThrownBy(() -> verifier(kh, "127.0.0.1", 22).check(key)).isInstanceOf(HostKeyUnknownException.class);
    }

    @Test
    void fingerprintIsWhatSshKeygenPrints() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen is not installed");
        for (PublicKey key : List.of(ecKey(), rsaKey())) {
            Path pub = dir.resolve("k.pub");
            Files.writeString(pub, line("", key).strip() + " comment\n");
            Process p = new ProcessBuilder("ssh-keygen", "-lf", pub.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(out.split(" ")[1]).isEqualTo(KnownHosts.sha256Fingerprint(key));
        }
    }
}
