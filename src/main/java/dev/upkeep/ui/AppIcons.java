package dev.upkeep.ui;

import javafx.scene.image.Image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The application icon at every size the desktop may ask for (rendered from icons/upkeep.svg by icons/render.sh).
 * The window offers them all and the window manager picks: 16 px for a taskbar, larger for a task switcher.
 */
final class AppIcons {
    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    private AppIcons() {
    }

    static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream("icons/upkeep-" + size + ".png")) {
                // A missing icon is a broken build, not something to start without silently.
                if (in == null) {
                    throw new IllegalStateException("icon resource icons/upkeep-" + size + ".png is missing");
                }
                icons.add(new Image(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return icons;
    }
}
