package dev.upkeep.remote;

import dev.upkeep.base.Resources;

/** The shell scripts (and pins) Upkeep sends to servers, read from its resources; the one loader in remote. */
final class Scripts {
    private Scripts() {
    }

    static String load(String name) {
        return Resources.text("/dev/upkeep/remote/" + name);
    }
}
