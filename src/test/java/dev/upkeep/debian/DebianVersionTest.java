package dev.upkeep.debian;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DebianVersionTest {
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = ' ', value = {
            "1.0 < 1.1",
            "1.0~rc1 < 1.0",
            "1.0~~ < 1.0~",
            "1.0 < 1.0+b1",
            "1.0a < 1.0+",
            "1.0-1 < 1.0-1ubuntu1",
            "1:0.9 > 2.0",
            "0:1.0 = 1.0",
            "1.0 = 1.0-0",
            "1.01 = 1.1",
            "1.0-1 < 1.0-2",
            "3.0.11-1~deb12u2 > 3.0.11-1~deb12u1",
            "3.0.11-1~deb12u1 < 3.0.11-1",
            "1:9.2p1-2+deb12u3 > 1:9.2p1-2+deb12u2",
            "2.36-9+deb12u7 < 2.36-9+deb12u10",
            "1.2.3 < 1.2.3.0",
            "1.0.a > 1.0.1",
            "1.0A < 1.0a",
    })
    void ordersLikeDpkg(String a, String op, String b) {
        int c = DebianVersion.compare(a, b);
        assertThat(Integer.signum(c)).as("%s vs %s", a, b).isEqualTo(switch (op) {
            case "<" -> -1;
            case "=" -> 0;
            default -> 1;
        });
        assertThat(Integer.signum(DebianVersion.compare(b, a))).isEqualTo(-Integer.signum(c));
    }

    @Test
    void partsAreSplitAtTheFirstColonAndTheLastHyphen() {
        DebianVersion v = DebianVersion.parse("2:1.2-beta-3ubuntu1");
        assertThat(v.epoch()).isEqualTo(2);
        assertThat(v.upstream()).isEqualTo("1.2-beta");
        assertThat(v.revision()).isEqualTo("3ubuntu1");
        assertThat(v).hasToString("2:1.2-beta-3ubuntu1");
        assertThat(DebianVersion.parse(" 1.0 ").toString()).isEqualTo("1.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1.0 2", "a1.0", ":1.0", "x:1.0", "1:", "1.0-", "-1", "1.0_1", "1.0-a_b",
            "1;rm -rf /", "$(id)", "1.0\n2"})
    void refusesWhatDpkgRefusesOrWarnsAbout(String bad) {
        assertThatThrownBy(() -> DebianVersion.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DebianVersion.isValid(bad)).isFalse();
    }

    @Test
    void aRefusalSaysWhatIsWrong() {
        assertThatThrownBy(() -> DebianVersion.parse("x:1.0")).hasMessageContaining("epoch").hasMessageContaining("'x:1.0'");
        assertThatThrownBy(() -> DebianVersion.parse("1.0-")).hasMessageContaining("revision number is empty");
        assertThatThrownBy(() -> DebianVersion.parse("v1.0")).hasMessageContaining("does not start with a digit");
    }

    @Test
    void anAbsurdlyLongVersionIsRefused() {
        assertThatThrownBy(() -> DebianVersion.parse("1" + ".1".repeat(200))).hasMessageContaining("longer than");
    }
}
