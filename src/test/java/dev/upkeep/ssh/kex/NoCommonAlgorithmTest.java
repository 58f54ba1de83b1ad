package dev.upkeep.ssh.kex;

import static org.assertj.core.api.Assertions.assertThat;

import net.schmizz.sshj.DefaultConfig;
import org.junit.jupiter.api.Test;

/** sshj's negotiation failure, explained: what the server offers, and what would reach it. */
class NoCommonAlgorithmTest {
    private final Algorithms algorithms = new Algorithms(new DefaultConfig());

    @Test
    void aLegacyServerGetsTheLineThatAllowsItsAlgorithmForThatHostAlone() {
        String sshj = "Unable to reach a settlement of KeyExchangeAlgorithms: [mlkem768x25519-sha256, curve25519-sha256,"
                + " ext-info-c, kex-strict-c-v00@openssh.com] and [diffie-hellman-group1-sha1, kex-strict-s-v00@openssh.com]";

        assertThat(NoCommonAlgorithm.explain(sshj, "router1", algorithms)).contains("no key exchange algorithm in common:"
                + " the server offers diffie-hellman-group1-sha1; Upkeep allows mlkem768x25519-sha256, curve25519-sha256."
                + " If this server cannot be upgraded, allow diffie-hellman-group1-sha1 for it alone in ~/.ssh/config:"
                + " 'Host router1' then '  KexAlgorithms +diffie-hellman-group1-sha1'.");
    }

    @Test
    void aListTheUsersConfigNarrowedPointsAtThatConfig() {
        String sshj = "Unable to reach a settlement of Client2ServerCipherAlgorithms: [aes128-cbc] and"
                + " [chacha20-poly1305@openssh.com, aes256-gcm@openssh.com]";

        assertThat(NoCommonAlgorithm.explain(sshj, "web1", algorithms)).hasValueSatisfying(text -> assertThat(text)
                .startsWith("no cipher in common: the server offers chacha20-poly1305@openssh.com, aes256-gcm@openssh.com;")
                .endsWith("Upkeep's defaults include chacha20-poly1305@openssh.com: check the Ciphers line that applies"
                        + " to web1 in ~/.ssh/config."));
    }

    @Test
    void aServerOfferingNothingUpkeepKnowsSaysSo() {
        String sshj = "Unable to reach a settlement of Server2ClientMACAlgorithms: [hmac-sha2-256] and [umac-32@example]";

        assertThat(NoCommonAlgorithm.explain(sshj, "x", algorithms)).hasValueSatisfying(text -> assertThat(text)
                .contains("the server offers umac-32@example").endsWith("Upkeep supports none of the server's."));
    }

    @Test
    void otherFailuresAreNotExplainedAsNegotiation() {
        assertThat(NoCommonAlgorithm.explain("Broken transport; encountered EOF", "x", algorithms)).isEmpty();
        assertThat(NoCommonAlgorithm.explain(null, "x", algorithms)).isEmpty();
    }
}
