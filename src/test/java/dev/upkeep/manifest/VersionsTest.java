package dev.upkeep.manifest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"24.0.7", "18.03.0-ce", "1.13.1", "20.10.24"})
    void dockerVersionsThatAreAccepted(String v) {
        assertThat(Versions.isDockerVersion(v)).isTrue();
        assertThat(Versions.requireDockerVersion(v)).isEqualTo(v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "24", "24.0", "24.0.7.1", "v24.0.7", "24.0.7-ee", "24.0.7 ", " 24.0.7", "24.0.7\n",
            "24.0.7;reboot", "24.0.7$(id)", "24.0.7~ubuntu", "24.0.x", "latest", "24.0.7-ce-ce", "٢٤.0.7", "12345.0.0"})
    void dockerVersionsThatAreRefused(String v) {
        assertThat(Versions.isDockerVersion(v)).isFalse();
        assertThatThrownBy(() -> Versions.requireDockerVersion(v)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.8.1", "2.3.0", "10.20.30"})
    void weaveVersionsThatAreAccepted(String v) {
        assertThat(Versions.isWeaveVersion(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.8", "2.8.1-ce", "latest", "2.8.1 && ls", "v2.8.1"})
    void weaveVersionsThatAreRefused(String v) {
        assertThat(Versions.isWeaveVersion(v)).isFalse();
        assertThatThrownBy(() -> Versions.requireWeaveVersion(v)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void nullIsNotAVersion() {
        assertThat(Versions.isDockerVersion(null)).isFalse();
        assertThat(Versions.isWeaveVersion(null)).isFalse();
    }
}
