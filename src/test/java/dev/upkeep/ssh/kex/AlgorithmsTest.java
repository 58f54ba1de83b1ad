package dev.upkeep.ssh.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import org.junit.jupiter.api.Test;

/** The default lists (OpenSSH 10.0's client defaults, minus what sshj lacks and SHA-1 MACs) and per-host choices. */
class AlgorithmsTest {
    private final Algorithms algorithms = new Algorithms(new DefaultConfig());
    private final List<String> warnings = new ArrayList<>();

    /** OpenSSH 10.0 myproposal.h, KEX_CLIENT. */
    private static final List<String> OPENSSH_10_KEX = List.of("mlkem768x25519-sha256", "sntrup761x25519-sha512",
            "sntrup761x25519-sha512@openssh.com", "curve25519-sha256", "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256",
            "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256");
    private static final List<String> OPENSSH_10_CIPHERS = List.of("chacha20-poly1305@openssh.com",
            "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes192-ctr", "aes256-ctr");
    private static final List<String> OPENSSH_10_MACS = List.of("umac-64-etm@openssh.com", "umac-128-etm@openssh.com",
            "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha1-etm@openssh.com",
            "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1");
    private static final List<String> OPENSSH_10_KEYS = List.of("ssh-ed25519-cert-v01@openssh.com",
            "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
            "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ssh-ed25519-cert-v01@openssh.com",
            "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com",
            "rsa-sha2-256-cert-v01@openssh.com", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512",
            "rsa-sha2-256");

    @Test
    void defaultsAreOpenSsh10sInItsOrderLessWhatSshjLacksAndSha1Macs() {
        assertThat(algorithms.defaults(AlgorithmKind.KEX)).isEqualTo(OPENSSH_10_KEX);
        assertThat(algorithms.defaults(AlgorithmKind.CIPHER)).isEqualTo(OPENSSH_10_CIPHERS);
        assertThat(algorithms.defaults(AlgorithmKind.MAC)).isEqualTo(OPENSSH_10_MACS.stream()
                .filter(m -> !m.startsWith("umac-") && !m.startsWith("hmac-sha1")).toList());
        List<String> keys = OPENSSH_10_KEYS.stream().filter(k -> !k.startsWith("sk-") && !k.startsWith("rsa-sha2-512-cert")
                && !k.startsWith("rsa-sha2-256-cert")).toList();
        assertThat(algorithms.defaults(AlgorithmKind.HOST_KEY)).isEqualTo(keys);
        assertThat(algorithms.defaults(AlgorithmKind.PUBKEY)).isEqualTo(keys);
    }

    @Test
    void defaultsHoldNothingLegacy() {
        assertThat(algorithms.defaults(AlgorithmKind.KEX)).noneMatch(n -> n.endsWith("sha1") || n.contains("group1-"));
        assertThat(algorithms.defaults(AlgorithmKind.CIPHER))
                .noneMatch(n -> n.endsWith("-cbc") || n.contains("3des") || n.contains("blowfish") || n.contains("arcfour"));
        assertThat(algorithms.defaults(AlgorithmKind.MAC)).noneMatch(n -> n.contains("md5") || n.contains("-96")
                || n.contains("sha1") || n.contains("ripemd"));
        assertThat(algorithms.defaults(AlgorithmKind.HOST_KEY)).doesNotContain("ssh-rsa", "ssh-dss",
                "ssh-rsa-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com");
    }

    @Test
    void legacyAlgorithmsCanStillBeAskedFor() {
        assertThat(algorithms.supported(AlgorithmKind.KEX)).contains("diffie-hellman-group1-sha1",
                "diffie-hellman-group14-sha1", "diffie-hellman-group-exchange-sha1");
        assertThat(algorithms.supported(AlgorithmKind.CIPHER)).contains("aes128-cbc", "3des-cbc");
        assertThat(algorithms.supported(AlgorithmKind.MAC)).contains("hmac-sha1", "hmac-md5", "hmac-sha1-96");
        assertThat(algorithms.supported(AlgorithmKind.HOST_KEY)).contains("ssh-rsa", "ssh-dss");
        assertThat(algorithms.supported(AlgorithmKind.KEX)).startsWith(OPENSSH_10_KEX.toArray(String[]::new));
    }

    private AlgorithmChoice choose(AlgorithmKind kind, String value) {
        return algorithms.choose(new AlgorithmSpecs(Map.of(kind, new AlgorithmSpec(value, "/home/u/.ssh/config:7"))),
                "appliance", warnings::add);
    }

    @Test
    void aHostsOptionChangesOnlyItsOwnKind() {
        AlgorithmChoice choice = choose(AlgorithmKind.KEX, "+diffie-hellman-group1-sha1");

        assertThat(choice.get(AlgorithmKind.KEX)).endsWith("diffie-hellman-group14-sha256", "diffie-hellman-group1-sha1");
        assertThat(choice.get(AlgorithmKind.CIPHER)).isEqualTo(algorithms.defaults(AlgorithmKind.CIPHER));
        assertThat(algorithms.choose(AlgorithmSpecs.DEFAULTS, "x", warnings::add)).isSameAs(algorithms.defaultChoice());
        assertThat(warnings).isEmpty();
    }

    @Test
    void anUnsupportedNameIsReportedWithFileAndLineAndLeftOut() {
        AlgorithmChoice choice = choose(AlgorithmKind.MAC, "+umac-64-etm@openssh.com");

        assertThat(choice.get(AlgorithmKind.MAC)).isEqualTo(algorithms.defaults(AlgorithmKind.MAC));
        assertThat(warnings).containsExactly(
                "/home/u/.ssh/config:7: MACs: 'umac-64-etm@openssh.com' (not supported by Upkeep) ignored");
    }

    @Test
    void anOptionThatLeavesNothingIsAClearErrorNamingFileLineAndHost() {
        assertThatThrownBy(() -> choose(AlgorithmKind.CIPHER, "-*"))
                .isInstanceOf(AlgorithmConfigException.class)
                .hasMessage("/home/u/.ssh/config:7: Ciphers -* leaves no cipher that Upkeep supports for appliance");
        assertThatThrownBy(() -> choose(AlgorithmKind.KEX, "umac-64@openssh.com"))
                .hasMessageContaining("leaves no key exchange algorithm");
    }

    @Test
    void theSshjConfigOffersExactlyTheChoiceAndIsShared() {
        AlgorithmChoice choice = choose(AlgorithmKind.HOST_KEY, "ssh-ed25519,rsa-sha2-256");
        Config config = algorithms.config(choice);

        List<String> kex = new ArrayList<>(algorithms.defaults(AlgorithmKind.KEX));
        kex.add("ext-info-c");
        assertThat(Factory.Named.Util.getNames(config.getKeyExchangeFactories())).isEqualTo(kex);
        assertThat(Factory.Named.Util.getNames(config.getCipherFactories())).isEqualTo(algorithms.defaults(AlgorithmKind.CIPHER));
        assertThat(Factory.Named.Util.getNames(config.getMACFactories())).isEqualTo(algorithms.defaults(AlgorithmKind.MAC));
        assertThat(Factory.Named.Util.getNames(config.getKeyAlgorithms())).containsExactly("ssh-ed25519", "rsa-sha2-256");
        assertThat(algorithms.config(choose(AlgorithmKind.HOST_KEY, "ssh-ed25519,rsa-sha2-256"))).isSameAs(config);
    }

    @Test
    void onlyTheHybridKeyExchangesArePostQuantum() {
        assertThat(OPENSSH_10_KEX.stream().filter(PostQuantumKex::isPostQuantum))
                .containsExactly("mlkem768x25519-sha256", "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com");
        assertThat(PostQuantumKex.isPostQuantum(null)).isFalse();
    }
}
