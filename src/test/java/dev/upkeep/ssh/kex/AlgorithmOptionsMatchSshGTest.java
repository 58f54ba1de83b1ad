package dev.upkeep.ssh.kex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upkeep.ssh.OpenSshConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The five algorithm options, read by Upkeep's parser and assembled by its +/-/^ rules, against what this
 * machine's {@code ssh -G} makes of the same file. Both sides start from OpenSSH's own defaults and supported
 * names ({@code ssh -G} of an empty config, {@code ssh -Q}), so the comparison is of the rules, not of the lists.
 */
class AlgorithmOptionsMatchSshGTest {
    @TempDir
    static Path dir;
    static Path config;
    static final Map<AlgorithmKind, List<String>> DEFAULTS = new EnumMap<>(AlgorithmKind.class);
    static final Map<AlgorithmKind, List<String>> SUPPORTED = new EnumMap<>(AlgorithmKind.class);

    private static final Map<AlgorithmKind, String> G_KEY = Map.of(AlgorithmKind.KEX, "kexalgorithms",
            AlgorithmKind.CIPHER, "ciphers", AlgorithmKind.MAC, "macs", AlgorithmKind.HOST_KEY, "hostkeyalgorithms",
            AlgorithmKind.PUBKEY, "pubkeyacceptedalgorithms");
    private static final Map<AlgorithmKind, String> Q_KEY = Map.of(AlgorithmKind.KEX, "kex",
            AlgorithmKind.CIPHER, "cipher", AlgorithmKind.MAC, "mac", AlgorithmKind.HOST_KEY, "HostKeyAlgorithms",
            AlgorithmKind.PUBKEY, "PubkeyAcceptedAlgorithms");

    @BeforeAll
    static void readOpenSsh() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh")), "OpenSSH client (ssh) is not installed");
        Map<String, String> defaults = sshG(Path.of("/dev/null"), "anyhost");
        for (AlgorithmKind kind : AlgorithmKind.values()) {
            DEFAULTS.put(kind, List.of(defaults.get(G_KEY.get(kind)).split(",")));
            SUPPORTED.put(kind, List.of(run("ssh", "-Q", Q_KEY.get(kind)).strip().split("\n")));
        }
        config = dir.resolve("config");
        Files.writeString(config, """
                Host plus
                  KexAlgorithms +diffie-hellman-group1-sha1,diffie-hellman-group14-sha1
                  Ciphers +aes128-cbc,3des-cbc
                  MACs +hmac-sha1-96,hmac-md5
                  HostKeyAlgorithms +ssh-rsa,ssh-dss
                  PubkeyAcceptedAlgorithms +ssh-rsa
                Host minus
                  KexAlgorithms -sntrup*,ecdh-sha2-nistp521
                  Ciphers -chacha20-poly1305@openssh.com
                  MACs -*-etm@openssh.com
                  HostKeyAlgorithms -*cert*
                  PubkeyAcceptedKeyTypes -sk-*,*cert*
                Host caret
                  KexAlgorithms ^curve25519-sha256
                  Ciphers ^aes256-gcm@openssh.com
                  MACs ^hmac-sha2-512
                  HostKeyAlgorithms ^rsa-sha2-256
                  PubkeyAcceptedAlgorithms ^ecdsa-sha2-nistp521
                Host explicit
                  KexAlgorithms curve25519-sha256,diffie-hellman-group14-sha256
                  Ciphers aes256-ctr,aes128-ctr
                  MACs=hmac-sha2-512,hmac-sha2-256-etm@openssh.com
                  HostKeyAlgorithms ssh-ed25519*,rsa-sha2-*
                  PubkeyAcceptedAlgorithms ssh-ed25519,rsa-sha2-512
                Host first*
                  KexAlgorithms curve25519-sha256
                Host firstwins
                  KexAlgorithms diffie-hellman-group14-sha256
                Host *
                  MACs hmac-sha2-256
                """);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plus", "minus", "caret", "explicit", "firstwins", "other"})
    void assemblesLikeSshG(String alias) throws Exception {
        Map<String, String> g = sshG(config, alias);
        AlgorithmSpecs specs = OpenSshConfig.load(config).algorithms(alias);

        for (AlgorithmKind kind : AlgorithmKind.values()) {
            String value = specs.get(kind).map(AlgorithmSpec::value).orElse(null);
            List<String> ours = AlgorithmList.assemble(value, DEFAULTS.get(kind), SUPPORTED.get(kind), ignored -> {
                throw new AssertionError(alias + ": " + ignored);
            });
            assertThat(String.join(",", ours)).as(alias + " " + kind.keyword()).isEqualTo(g.get(G_KEY.get(kind)));
        }
    }

    private static Map<String, String> sshG(Path file, String alias) throws Exception {
        Map<String, String> values = new HashMap<>();
        for (String line : run("ssh", "-G", "-F", file.toString(), alias).split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0) {
                values.putIfAbsent(line.substring(0, sp), line.substring(sp + 1));
            }
        }
        return values;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(Arrays.asList(command)))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
        return out;
    }
}
