package dev.upkeep.windowstate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlacementTest {
    private static final Area LAPTOP = new Area(0, 0, 1280, 770);
    private static final Area MONITOR_RIGHT = new Area(1280, 0, 1920, 1050);

    @Test
    void aWindowOnAScreenStaysWhereItWas() {
        WindowBounds b = new WindowBounds(100, 50, 900, 600, false);
        assertThat(Placement.place(b, List.of(LAPTOP))).isEqualTo(b);
    }

    @Test
    void aWindowOnTheSecondScreenStaysThereWhileItIsPlugged() {
        WindowBounds b = new WindowBounds(1500, 100, 1200, 800, false);
        assertThat(Placement.place(b, List.of(LAPTOP, MONITOR_RIGHT))).isEqualTo(b);
    }

    @Test
    void aWindowLeftOnAnUnpluggedScreenIsCentredOnThePrimary() {
        WindowBounds b = new WindowBounds(1500, 100, 1200, 700, false);
        assertThat(Placement.place(b, List.of(LAPTOP))).isEqualTo(new WindowBounds(40, 35, 1200, 700, false));
    }

    @Test
    void aWindowFarOffEveryScreenComesBackAndShrinksToFit() {
        WindowBounds b = new WindowBounds(-90_000, 80_000, 2500, 1400, true);
        WindowBounds placed = Placement.place(b, List.of(LAPTOP));
        assertThat(placed).isEqualTo(new WindowBounds(0, 0, 1280, 770, true));
    }

    @Test
    void aTitleBarAboveTheScreenCannotBeGrabbedSoTheWindowMoves() {
        WindowBounds b = new WindowBounds(100, -500, 800, 600, false);
        WindowBounds placed = Placement.place(b, List.of(LAPTOP));
        assertThat(placed.y()).isGreaterThanOrEqualTo(0);
        assertThat(placed.y() + placed.height()).isLessThanOrEqualTo(770);
    }

    @Test
    void aWindowLargerThanItsScreenShrinksAndStaysOnIt() {
        WindowBounds b = new WindowBounds(200, 100, 1800, 1000, false);
        assertThat(Placement.place(b, List.of(LAPTOP))).isEqualTo(new WindowBounds(0, 0, 1280, 770, false));
    }
}
