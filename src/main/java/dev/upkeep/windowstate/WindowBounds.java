package dev.upkeep.windowstate;

/** Where the window was and how large, as it was before it was maximised; and whether it was maximised. */
public record WindowBounds(double x, double y, double width, double height, boolean maximised) {
    public Area area() {
        return new Area(x, y, width, height);
    }
}
