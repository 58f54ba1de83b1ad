package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
    void keyOfAnotherTypeThanTheKnownOnesIsAPossibleSubstitutionWithBothFingerprints() throws Exception {
        Path kh = dir.resolve("kh");
        PublicKey known = rsaKey();
        PublicKey offered = ecKey();
        Files.writeString(kh, "# first line\n" + line("h", known));
        assertThatThrownBy(() -> verifier(kh, "h", 22).check(offered))
                .isInstanceOfSatisfying(HostKeySubstitutedException.class, e -> {
                    assertThat(e).as("refused like a changed key by every caller that does not look closer")
                            .isInstanceOf(HostKeyChangedException.class).isNotInstanceOf(HostKeyUnknownException.class);
                    assertThat(e.key()).isSameAs(offered);
                    assertThat(e.offeredFingerprint()).isEqualTo(KnownHosts.sha256Fingerprint(offered));
                    assertThat(e.knownKeys()).containsExactly(
                            new KnownHostKey("ssh-rsa", KnownHosts.sha256Fingerprint(known), kh, 2));
                    assertThat(e.hostKeyName()).isEqualTo(new HostKeyName("h", false));
                    assertThat(e.getMessage()).contains("SUBSTITUTION").contains(KnownHosts.sha256Fingerprint(known))
                            .contains(KnownHosts.sha256Fingerprint(offered)).contains(kh + ":2");
                });
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

    @Test
    void acceptKeepsTheModeOfAnExistingFile() throws Exception {
        Path kh = dir.resolve("kh");
        Files.writeString(kh, "");
        Files.setPosixFilePermissions(kh, PosixFilePermissions.fromString("rw-r-----"));
        new KnownHosts(kh, List.of()).accept("a", 22, ecKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kh))).isEqualTo("rw-r-----");
    }

    @Test
    void hashedAcceptWritesAnEntrySshKeygenFindsAndTheNameIsNotInTheFile() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen is not installed");
        Path kh = dir.resolve("kh");
        PublicKey key = ecKey();
        KnownHosts knownHosts = new KnownHosts(kh, List.of());
        knownHosts.accept(new HostKeyName("[web1.example.com]:2222", true), key);
        knownHosts.accept(new HostKeyName("[web1.example.com]:2222", true), key);
        String text = Files.readString(kh);
        assertThat(text).startsWith("|1|").doesNotContain("web1");
        String[] lines = text.split("\n");
        assertThat(lines[0].split(" ")[0]).as("a fresh salt per entry").isNotEqualTo(lines[1].split(" ")[0]);
        Process p = new ProcessBuilder("ssh-keygen", "-F", "[web1.example.com]:2222", "-f", kh.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("found: line 1").contains("found: line 2");
        verifier(kh, "web1.example.com", 2222).check(key);
    }

    @Test
    void hostKeyAliasIsWhatIsLookedUpAndRecordedWithoutAPort() throws Exception {
        Path kh = dir.resolve("kh");
        PublicKey key = ecKey();
        HostKeyName alias = new HostKeyName("web-alias", false);
        new KnownHosts(kh, List.of()).accept(alias, key);
        assertThat(Files.readString(kh)).startsWith("web-alias ecdsa-sha2-nistp256 ");
        new KnownHostsVerifier(new KnownHosts(kh, List.of()), "web1", "10.0.0.9", 2222, alias).check(key);
        assertThatThrownBy(() -> verifier(kh, "10.0.0.9", 2222).check(key)).isInstanceOf(HostKeyUnknownException.class);
    }

    /**
     * Another writer appends with O_APPEND as fast as it can (as ssh does, without any lock) while Upkeep appends:
     * a positional write at the end Upkeep measured would overwrite the other writer's lines now and then.
     */
    @Test
    void acceptNeverOverwritesLinesAConcurrentAppenderWrote() throws Exception {
        Path kh = dir.resolve("kh");
        Path stop = dir.resolve("stop");
        Files.writeString(kh, "");
        // The other writer runs until told to stop, so however loaded the machine, all of ours overlap with it.
        Process appender = new ProcessBuilder("sh", "-c",
                "i=0; while [ ! -e " + stop + " ]; do echo \"other-$i ssh-ed25519 AAAA\" >> " + kh + "; i=$((i+1)); done; echo $i")
                .start();
        KnownHosts knownHosts = new KnownHosts(kh, List.of());
        PublicKey key = ecKey();
        await().until(() -> Files.size(kh) > 0);
        int ours = 300;
        for (int i = 0; i < ours; i++) {
            knownHosts.accept(new HostKeyName("ours-" + i, false), key);
        }
        Files.writeString(stop, "");
        assertThat(appender.waitFor(60, TimeUnit.SECONDS)).isTrue();
        int theirs = Integer.parseInt(new String(appender.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String l : Files.readAllLines(kh)) {
            names.add(l.split(" ")[0]);
        }
        List<String> missing = new java.util.ArrayList<>();
        for (int i = 0; i < theirs; i++) {
            if (!names.contains("other-" + i)) {
                missing.add("other-" + i);
            }
        }
        for (int i = 0; i < ours; i++) {
            if (!names.contains("ours-" + i)) {
                missing.add("ours-" + i);
            }
        }
        assertThat(missing).as("lines lost among %d of theirs and %d of ours", theirs, ours).isEmpty();
    }
}
