package dev.upkeep.windowstate;

/** A rectangle in screen coordinates: a screen's usable area, or where a window sits. */
public record Area(double x, double y, double width, double height) {
    /** The width and height two areas share (zero when they do not touch). */
    double overlapWidth(Area o) {
        return Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
    }

    double overlapHeight(Area o) {
        return Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
    }
}
