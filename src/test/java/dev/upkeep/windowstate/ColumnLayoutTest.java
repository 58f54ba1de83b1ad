package dev.upkeep.windowstate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnLayoutTest {
    private static final List<ColumnState> DEFAULTS = List.of(new ColumnState("server", 120), new ColumnState("reboot", 160),
            new ColumnState("kernel", 290));

    @Test
    void theRememberedOrderAndWidthsWin() {
        assertThat(ColumnLayout.arrange(DEFAULTS, List.of(new ColumnState("kernel", 100), new ColumnState("server", 80),
                new ColumnState("reboot", 170))))
                .containsExactly(new ColumnState("kernel", 100), new ColumnState("server", 80), new ColumnState("reboot", 170));
    }

    @Test
    void aColumnTheProgramNoLongerHasIsDroppedAndANewOneKeepsItsDefault() {
        assertThat(ColumnLayout.arrange(DEFAULTS, List.of(new ColumnState("reboot", 170), new ColumnState("gone", 50),
                new ColumnState("server", 80))))
                .containsExactly(new ColumnState("reboot", 170), new ColumnState("server", 80), new ColumnState("kernel", 290));
    }

    @Test
    void nothingRememberedIsTheDefault() {
        assertThat(ColumnLayout.arrange(DEFAULTS, List.of())).isEqualTo(DEFAULTS);
    }
}
