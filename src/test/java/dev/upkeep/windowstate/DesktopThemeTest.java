package dev.upkeep.windowstate;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class DesktopThemeTest {
    private static Function<List<String>, Optional<String>> answers(Map<String, String> byLastWord) {
        return cmd -> Optional.ofNullable(byLastWord.get(cmd.get(cmd.size() - 1)));
    }

    @Test
    void gnomePreferringDarkIsDark() {
        assertThat(DesktopTheme.prefersDark("Linux", answers(Map.of("color-scheme", "'prefer-dark'\n")))).isTrue();
    }

    @Test
    void gnomeDefaultWithADarkGtkThemeIsDark() {
        assertThat(DesktopTheme.prefersDark("Linux", answers(Map.of("color-scheme", "'default'\n", "gtk-theme", "'Adwaita-dark'\n"))))
                .isTrue();
        assertThat(DesktopTheme.prefersDark("Linux", answers(Map.of("color-scheme", "'default'\n", "gtk-theme", "'Adwaita'\n"))))
                .isFalse();
    }

    @Test
    void preferLightWinsOverADarkishThemeName() {
        assertThat(DesktopTheme.prefersDark("Linux", answers(Map.of("color-scheme", "'prefer-light'", "gtk-theme", "'Yaru-dark'"))))
                .isFalse();
    }

    @Test
    void aDesktopThatDoesNotAnswerIsLight() {
        assertThat(DesktopTheme.prefersDark("Linux", answers(Map.of()))).isFalse();
        assertThat(DesktopTheme.prefersDark("Mac OS X", answers(Map.of()))).isFalse();
        assertThat(DesktopTheme.prefersDark("Windows 11", answers(Map.of()))).isFalse();
    }

    @Test
    void macOsAndWindowsSayDarkTheirOwnWay() {
        assertThat(DesktopTheme.prefersDark("Mac OS X", answers(Map.of("AppleInterfaceStyle", "Dark\n")))).isTrue();
        String reg = "\nHKEY_CURRENT_USER\\...\\Personalize\n    AppsUseLightTheme    REG_DWORD    0x%s\n\n";
        assertThat(DesktopTheme.prefersDark("Windows 11", answers(Map.of("AppsUseLightTheme", reg.formatted("0"))))).isTrue();
        assertThat(DesktopTheme.prefersDark("Windows 11", answers(Map.of("AppsUseLightTheme", reg.formatted("1"))))).isFalse();
    }

    @Test
    void aRealCommandsOutputIsRead() {
        assertThat(DesktopTheme.run(List.of("sh", "-c", "echo \"'prefer-dark'\""), Duration.ofSeconds(5))).contains("'prefer-dark'\n");
    }

    @Test
    void aCommandThatHangsOrFloodsOrFailsIsNoAnswer() {
        assertThat(DesktopTheme.run(List.of("sleep", "30"), Duration.ofMillis(300))).isEmpty();
        assertThat(DesktopTheme.run(List.of("yes", "prefer-dark"), Duration.ofMillis(300))).isEmpty();
        assertThat(DesktopTheme.run(List.of("sh", "-c", "echo prefer-dark; exit 3"), Duration.ofSeconds(5))).isEmpty();
        assertThat(DesktopTheme.run(List.of("no-such-program-upkeep"), Duration.ofSeconds(5))).isEmpty();
    }
}
