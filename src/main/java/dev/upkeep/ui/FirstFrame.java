package dev.upkeep.ui;

import dev.upkeep.base.ProcessAge;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs once, at the first pulse that lays out the window, how long after the process started that was: the cold
 * start a user waits through, launcher included (counted as {@link ProcessAge} does). INFO on the logger
 * {@code dev.upkeep.startup} ({@code -Dupkeep.log.level=INFO} shows it); the packaging scripts measure with it.
 */
final class FirstFrame {
    private static final Logger LOG = LoggerFactory.getLogger("dev.upkeep.startup");

    private FirstFrame() {
    }

    static void logOnce(Scene scene) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            scene.removePostLayoutPulseListener(self[0]);
            ProcessAge.now().ifPresent(age -> LOG.info("first frame {} ms after process start", age.toMillis()));
        };
        scene.addPostLayoutPulseListener(self[0]);
    }
}
