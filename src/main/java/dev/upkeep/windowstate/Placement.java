package dev.upkeep.windowstate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Puts a remembered window where the user can reach it. Screens come and go (a laptop leaves its dock, a
 * projector is unplugged): a window whose title bar is on no screen any more is centred on the primary one, and
 * no window is larger than the screen it lands on.
 */
public final class Placement {
    /** How much of the title bar must be on a screen to grab it with the mouse. */
    static final double GRIP_WIDTH = 100;
    static final double GRIP_HEIGHT = 24;
    private static final Logger log = LoggerFactory.getLogger(Placement.class);

    private Placement() {
    }

    /**
     * @param screens every screen's usable area (without task bars), the primary first
     * @return where to put the window; the remembered bounds when they can be grabbed and fit
     */
    public static WindowBounds place(WindowBounds saved, List<Area> screens) {
        if (screens.isEmpty()) {
            return saved;
        }
        Area grip = new Area(saved.x(), saved.y(), saved.width(), GRIP_HEIGHT);
        Area home = screens.stream().filter(s -> s.overlapWidth(grip) >= Math.min(GRIP_WIDTH, saved.width())
                && s.overlapHeight(grip) >= GRIP_HEIGHT).findFirst().orElse(null);
        if (home == null) {
            Area primary = screens.get(0);
            double w = Math.min(saved.width(), primary.width());
            double h = Math.min(saved.height(), primary.height());
            log.info("The remembered window position ({}, {}) is on no screen now: centring on the primary screen",
                    saved.x(), saved.y());
            return new WindowBounds(primary.x() + (primary.width() - w) / 2, primary.y() + (primary.height() - h) / 2, w, h,
                    saved.maximised());
        }
        double w = Math.min(saved.width(), home.width());
        double h = Math.min(saved.height(), home.height());
        // Shrunk to fit: pull it back so that the whole window is on its screen.
        double x = Math.max(home.x(), Math.min(saved.x(), home.x() + home.width() - w));
        double y = Math.max(home.y(), Math.min(saved.y(), home.y() + home.height() - h));
        return new WindowBounds(x, y, w, h, saved.maximised());
    }
}
