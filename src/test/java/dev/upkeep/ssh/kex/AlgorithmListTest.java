package dev.upkeep.ssh.kex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenSSH's +, - and ^ rules for algorithm lists, with patterns, on made-up names. */
class AlgorithmListTest {
    private static final List<String> DEFAULTS = List.of("pq-a", "curve-b", "ecdh-256", "ecdh-384");
    private static final List<String> SUPPORTED = List.of("pq-a", "curve-b", "ecdh-256", "ecdh-384", "old-sha1",
            "old-md5", "ancient");
    private final List<String> ignored = new ArrayList<>();

    private List<String> assemble(String value) {
        return AlgorithmList.assemble(value, DEFAULTS, SUPPORTED, ignored::add);
    }

    @Test
    void noValueMeansTheDefaults() {
        assertThat(assemble(null)).isEqualTo(DEFAULTS);
        assertThat(assemble("  ")).isEqualTo(DEFAULTS);
    }

    @Test
    void plusAppendsToTheDefaultsWithoutDuplicates() {
        assertThat(assemble("+old-sha1,curve-b")).containsExactly("pq-a", "curve-b", "ecdh-256", "ecdh-384", "old-sha1");
        assertThat(assemble("+old-*")).endsWith("old-sha1", "old-md5");
    }

    @Test
    void minusRemovesMatchingNamesFromTheDefaults() {
        assertThat(assemble("-ecdh-*")).containsExactly("pq-a", "curve-b");
        assertThat(assemble("-pq-a,ecdh-384")).containsExactly("curve-b", "ecdh-256");
        assertThat(assemble("-*,!curve*")).containsExactly("curve-b");
        assertThat(assemble("-*")).isEmpty();
    }

    @Test
    void caretPutsTheNamesFirst() {
        assertThat(assemble("^ecdh-384,old-md5")).containsExactly("ecdh-384", "old-md5", "pq-a", "curve-b", "ecdh-256");
    }

    @Test
    void aPlainListReplacesTheDefaultsInItsOwnOrder() {
        assertThat(assemble("ecdh-384,pq-a")).containsExactly("ecdh-384", "pq-a");
        assertThat(assemble("ancient, ecdh-?56")).containsExactly("ancient", "ecdh-256");
    }

    @Test
    void namesNothingSupportsAreReportedAndLeftOut() {
        assertThat(assemble("+umac-64@openssh.com,old-sha1")).endsWith("ecdh-384", "old-sha1");
        assertThat(assemble("nope-*")).isEmpty();
        assertThat(assemble("!pq-a,curve-b")).containsExactly("curve-b");

        assertThat(ignored).containsExactly("'umac-64@openssh.com' (not supported by Upkeep)",
                "'nope-*' (matches nothing Upkeep supports)", "'!pq-a' (a negated name only works after '-')");
    }

    @Test
    void namesAreCaseSensitiveAsInOpenSsh() {
        assertThat(assemble("PQ-A")).isEmpty();
        assertThat(assemble("-PQ-A")).isEqualTo(DEFAULTS);
    }
}
