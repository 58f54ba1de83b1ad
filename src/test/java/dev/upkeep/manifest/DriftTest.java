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
}
