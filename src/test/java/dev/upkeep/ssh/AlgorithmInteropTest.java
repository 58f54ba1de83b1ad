package dev.upkeep.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upkeep.ssh.kex.Negotiated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upkeep's algorithms against this machine's real OpenSSH 9.2 sshd, each case forcing one algorithm on the server:
 * every default key exchange (but ML-KEM, which 9.2 lacks: see the Debian 13 fleet test), cipher, MAC and host key
 * algorithm works; a server offering only a legacy algorithm is refused, naming what it offers, and reached when
 * ~/.ssh/config allows that algorithm for that host.
 */
class AlgorithmInteropTest {
    @TempDir
    static Path dir;
    static SshTestBed bed;
    static Path key;
    private static int started;

    @BeforeAll
    static void setUp() throws Exception {
        LocalSshd.assumeAvailable();
        bed = new SshTestBed(dir);
        key = bed.key("id_ed25519", "ed25519", "");
        Path shared = Files.createDirectories(dir.resolve("hostkeys"));
        for (String type : LocalSshd.ALL_HOST_KEYS) {
            TestKeys.run("ssh-keygen", "-q", "-t", type, "-N", "", "-f", shared.resolve("ssh_host_" + type + "_key").toString());
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    /** One sshd per case; host keys are made once (shared directory) and trusted for the new port. */
    private static LocalSshd sshd(String... config) throws Exception {
        Path shared = dir.resolve("hostkeys");
        Path own = dir.resolve("sshd-" + (++started));
        Files.createDirectories(own);
        for (String type : LocalSshd.ALL_HOST_KEYS) {
            for (String suffix : List.of("", ".pub")) {
                Files.copy(shared.resolve("ssh_host_" + type + "_key" + suffix), own.resolve("ssh_host_" + type + "_key" + suffix));
            }
        }
        LocalSshd sshd = LocalSshd.start(own, bed.authorizedKeys, LocalSshd.ALL_HOST_KEYS, 0, Arrays.asList(config));
        for (String type : LocalSshd.ALL_HOST_KEYS) {
            bed.trust(sshd, type);
        }
        return sshd;
    }

    static Stream<Arguments> oneAlgorithmOnTheServer() {
        List<Arguments> cases = new ArrayList<>();
        for (String kex : List.of("sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com", "curve25519-sha256",
                "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
                "diffie-hellman-group-exchange-sha256", "diffie-hellman-group16-sha512",
                "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256")) {
            cases.add(Arguments.of("KexAlgorithms " + kex, List.of("KexAlgorithms " + kex), kex));
        }
        for (String cipher : List.of("chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
                "aes128-ctr", "aes192-ctr", "aes256-ctr")) {
            cases.add(Arguments.of("Ciphers " + cipher, List.of("Ciphers " + cipher), cipher));
        }
        for (String mac : List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256",
                "hmac-sha2-512")) {
            cases.add(Arguments.of("MACs " + mac, List.of("Ciphers aes128-ctr", "MACs " + mac), mac));
        }
        for (String hostKey : List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256")) {
            cases.add(Arguments.of("HostKeyAlgorithms " + hostKey, List.of("HostKeyAlgorithms " + hostKey), hostKey));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneAlgorithmOnTheServer")
    void connectsToAServerOfferingOnly(String name, List<String> serverConfig, String algorithm) throws Exception {
        try (LocalSshd sshd = sshd(serverConfig.toArray(String[]::new));
             SshConnection c = bed.connector().connect(SshTestBed.request(sshd, key))) {
            assertThat(c.run("echo ok", Cancellation.none()).stdout()).isEqualTo("ok");
            assertThat(negotiatedOf(name).apply(c.negotiated())).isEqualTo(algorithm);
        }
    }

    private static Function<Negotiated, String> negotiatedOf(String option) {
        return switch (option.split(" ")[0]) {
            case "KexAlgorithms" -> Negotiated::kex;
            case "Ciphers" -> Negotiated::cipherClientToServer;
            case "MACs" -> Negotiated::macServerToClient;
            default -> Negotiated::hostKey;
        };
    }

    @Test
    void offersOpenSsh10DefaultsAndNothingLegacy() throws Exception {
        try (LocalSshd sshd = sshd("LogLevel DEBUG2");
             SshConnection c = bed.connector().connect(SshTestBed.request(sshd, key))) {
            String log = sshd.log();
            assertThat(proposal(log, "KEX algorithms")).isEqualTo("mlkem768x25519-sha256,sntrup761x25519-sha512,"
                    + "sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,"
                    + "ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,diffie-hellman-group-exchange-sha256,"
                    + "diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,diffie-hellman-group14-sha256,"
                    + "ext-info-c,kex-strict-c-v00@openssh.com");
            assertThat(proposal(log, "ciphers ctos")).isEqualTo("chacha20-poly1305@openssh.com,aes128-gcm@openssh.com,"
                    + "aes256-gcm@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr");
            assertThat(proposal(log, "MACs ctos")).isEqualTo("hmac-sha2-256-etm@openssh.com,"
                    + "hmac-sha2-512-etm@openssh.com,hmac-sha2-256,hmac-sha2-512");
            // The algorithms of keys known_hosts holds for this server come first, the rest in the default order.
            assertThat(proposal(log, "host key algorithms")).isEqualTo("ssh-ed25519,ecdsa-sha2-nistp256,rsa-sha2-512,"
                    + "rsa-sha2-256,ssh-ed25519-cert-v01@openssh.com,ecdsa-sha2-nistp256-cert-v01@openssh.com,"
                    + "ecdsa-sha2-nistp384-cert-v01@openssh.com,ecdsa-sha2-nistp521-cert-v01@openssh.com,"
                    + "ecdsa-sha2-nistp384,ecdsa-sha2-nistp521");
            assertThat(c.negotiated().kex()).isEqualTo("sntrup761x25519-sha512");
            assertThat(c.negotiated().postQuantum()).isTrue();
        }
    }

    /** One list of the client's KEXINIT as sshd logs it at DEBUG2. */
    private static String proposal(String log, String what) {
        String section = log.substring(log.indexOf("peer client KEXINIT proposal"));
        for (String line : section.split("\n")) {
            if (line.startsWith("debug2: " + what + ": ")) {
                return line.substring(("debug2: " + what + ": ").length()).replace(" [preauth]", "").strip();
            }
        }
        throw new AssertionError("no '" + what + "' in the logged proposal:\n" + section);
    }

    static Stream<Arguments> legacyOnly() {
        return Stream.of(
                Arguments.of(List.of("KexAlgorithms diffie-hellman-group14-sha1"), "KexAlgorithms",
                        "no key exchange algorithm in common: the server offers diffie-hellman-group14-sha1;",
                        "diffie-hellman-group14-sha1"),
                Arguments.of(List.of("Ciphers aes128-cbc"), "Ciphers",
                        "no cipher in common: the server offers aes128-cbc;", "aes128-cbc"),
                Arguments.of(List.of("Ciphers aes128-ctr", "MACs hmac-sha1"), "MACs",
                        "no MAC in common: the server offers hmac-sha1;", "hmac-sha1"),
                Arguments.of(List.of("HostKeyAlgorithms ssh-rsa"), "HostKeyAlgorithms",
                        "no host key algorithm in common: the server offers ssh-rsa;", "ssh-rsa"));
    }

    @ParameterizedTest(name = "{1} {3}")
    @MethodSource("legacyOnly")
    void aServerOfferingOnlyALegacyAlgorithmIsRefusedNamingWhatItOffers(List<String> serverConfig, String keyword,
                                                                        String offers, String legacy) throws Exception {
        try (LocalSshd sshd = sshd(serverConfig.toArray(String[]::new))) {
            assertThatThrownBy(() -> bed.connector().connect(SshTestBed.request(sshd, key)).close())
                    .isInstanceOf(SshException.class)
                    .hasMessageContaining(offers)
                    .hasMessageContaining("'Host 127.0.0.1' then '  " + keyword + " +" + legacy + "'");
        }
    }

    @ParameterizedTest(name = "{1} +{3}")
    @MethodSource("legacyOnly")
    void aLegacyAlgorithmAllowedInSshConfigReachesThatHostOnly(List<String> serverConfig, String keyword,
                                                               String offers, String legacy) throws Exception {
        try (LocalSshd sshd = sshd(serverConfig.toArray(String[]::new))) {
            Path config = dir.resolve("config-" + started);
            Files.writeString(config, "Host appliance\n  HostName 127.0.0.1\n  Port " + sshd.port() + "\n  "
                    + keyword + " +" + legacy + "\n\nHost other\n  HostName 127.0.0.1\n  Port " + sshd.port() + "\n");
            SshConnector connector = bed.connector(bed.options().withSshConfig(config), PassphraseProvider.NONE);

            try (SshConnection c = connector.connect(new ConnectRequest("appliance", null, "root", key))) {
                assertThat(c.run("echo ok", Cancellation.none()).stdout()).isEqualTo("ok");
                Negotiated n = c.negotiated();
                assertThat(List.of(n.kex(), n.hostKey(), n.cipherClientToServer(), n.macClientToServer()))
                        .contains(legacy);
            }
            assertThatThrownBy(() -> connector.connect(new ConnectRequest("other", null, "root", key)).close())
                    .hasMessageContaining(offers);
        }
    }
}
