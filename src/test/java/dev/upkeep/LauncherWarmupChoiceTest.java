package dev.upkeep;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The key-exchange warm-up starts for commands that connect, not for help, version or offline commands. */
class LauncherWarmupChoiceTest {
    @ParameterizedTest
    @ValueSource(strings = {"status", "status --json", "--workspace w.yml status", "upgrade --yes", "trust srv01",
        "reboot srv01", "packages openssl", "restart-services", "report", "history srv01"})
    void aConnectingCommandWarmsTheKeyExchange(String line) {
        assertThat(Launcher.connects(line.split(" "))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "status --help", "upgrade -h", "--version", "help status", "manifest validate",
        "import ssh-config", "export ansible", "--workspace w.yml"})
    void helpAndOfflineCommandsDoNot(String line) {
        assertThat(Launcher.connects(line.split(" "))).isFalse();
    }
}
