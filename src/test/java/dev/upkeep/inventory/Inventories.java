package dev.upkeep.inventory;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The test inventories under src/test/resources/dev/upkeep/inventory. */
final class Inventories {
    private Inventories() {
    }

    static Path file(String name) {
        try {
            return Path.of(Inventories.class.getResource("/dev/upkeep/inventory/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
