package dev.upkeep.manifest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DriftTest {

    @ParameterizedTest(name = "wanted {0}, running {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "24.0.7, 24.0.7, IN_SYNC",
            "24.0.7, 24.0.6, DRIFTED",
            "18.03.0-ce, 18.03.0-ce, IN_SYNC",
            "18.03.0-ce, 18.03.0, IN_SYNC",
            "2.8.1, v2.8.1, IN_SYNC",
            "-, 24.0.7, UNKNOWN",
            "24.0.7, -, UNKNOWN",
            "24.0.7, '', UNKNOWN"})
    void compareSaysWhetherAComponentDrifted(String wanted, String running, Drift.State expected) {
        assertThat(Drift.compare(wanted, running)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "docker {2}, weave {3} -> drifted {4}")
    @CsvSource(nullValues = "-", value = {
            "24.0.7, 2.8.1, 24.0.7, 2.8.1, false",
            "24.0.7, 2.8.1, 23.0.1, 2.8.1, true",
            "24.0.7, 2.8.1, 24.0.7, 2.6.0, true",
            "24.0.7, -, 24.0.7, 2.6.0, false"})
    void aServerDriftsWhenEitherComponentDrifts(String wd, String ww, String rd, String rw, boolean drifted) {
        Drift.ServerDrift d = Drift.of("web1", wd, ww, rd, rw);

        assertThat(d.drifted()).isEqualTo(drifted);
        assertThat(d.server()).isEqualTo("web1");
    }

    @org.junit.jupiter.api.Test
    void driftPerServerOfAManifest() {
        ManifestDocument doc = ManifestDocument.parse(Corpus.goodText("01-docs-flat-servers.yml"), "m");

        java.util.List<Drift.ServerDrift> drift = Drift.forServers(doc, "production",
                java.util.Map.of("web1", new Drift.Running("24.0.7", "2.8.1"), "web2", new Drift.Running("20.10.7", "2.8.1")));

        assertThat(drift).extracting(Drift.ServerDrift::server, Drift.ServerDrift::docker, Drift.ServerDrift::drifted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("web1", Drift.State.IN_SYNC, false),
                        org.assertj.core.groups.Tuple.tuple("web2", Drift.State.DRIFTED, true));
    }

    @org.junit.jupiter.api.Test
    void aServerThatWasNotProbedIsUnknownNotDrifted() {
        ManifestDocument doc = ManifestDocument.parse(Corpus.goodText("02-nested-servers.yml"), "m");

        assertThat(Drift.forServers(doc, null, java.util.Map.of())).allSatisfy(d -> {
            assertThat(d.docker()).isEqualTo(Drift.State.UNKNOWN);
            assertThat(d.drifted()).isFalse();
        }).hasSize(2);
    }
}
