package dev.upkeep.debian;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackagePatternTest {
    @Test
    void globsMatchLikeTheShell() {
        assertThat(PackagePattern.of("libssl*").matches("libssl3")).isTrue();
        assertThat(PackagePattern.of("libssl*").matches("openssl")).isFalse();
        assertThat(PackagePattern.of("lib?.0").matches("libc.0")).isTrue();
        assertThat(PackagePattern.of("g++").matches("gxx")).as("+ is literal").isFalse();
        assertThat(PackagePattern.of("libc6.1").matches("libc6x1")).as(". is literal").isFalse();
        assertThat(PackagePattern.of("OpenSSL").text()).isEqualTo("openssl");
    }

    @Test
    void theAwkExpressionHasNoBackslashesAndIsAnchored() {
        String re = PackagePattern.anyOf(List.of(PackagePattern.of("openssl"), PackagePattern.of("libssl*"),
                PackagePattern.of("g++-1?")));
        assertThat(re).isEqualTo("^(openssl|libssl.*|g[+][+]-1.)$").doesNotContain("\\");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "**?", "open ssl", "a;b", "$(id)", "a'b", "lib[ab]", "a\\b", "ünïcode", "-rf"})
    void refusesWhatIsNoPackageNameNorGlob(String bad) {
        assertThatThrownBy(() -> PackagePattern.of(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactNamesAreAskedOfAptEvenWhenNotInstalled() {
        assertThat(PackagePattern.of("openssl").isExactName()).isTrue();
        assertThat(PackagePattern.of("openssl*").isExactName()).isFalse();
    }
}
