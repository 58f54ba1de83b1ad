package dev.upkeep;

/** Opens the window (filled in when the JavaFX front end lands). */
final class Window {
    private Window() {
    }

    static void open(String[] args) {
        System.err.println("The window is not built yet; try ./upkeep --help");
    }
}
