package dev.upkeep.fleet;

import java.nio.file.Path;

/** Where Upkeep keeps its files on the user's machine (XDG on Linux), and "~" expansion. */
public final class Paths {
    private Paths() {
    }

    public static String expandHome(String path) {
        if (path == null) {
            return null;
        }
        if (path.equals("~")) {
            return home().toString();
        }
        if (path.startsWith("~/")) {
            return home().resolve(path.substring(2)).toString();
        }
        return path;
    }

    public static Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    public static Path configDir() {
        return xdg("XDG_CONFIG_HOME", ".config").resolve("upkeep");
    }

    public static Path stateDir() {
        return xdg("XDG_STATE_HOME", ".local/state").resolve("upkeep");
    }

    public static Path defaultWorkspace() {
        return configDir().resolve("workspace.yml");
    }

    private static Path xdg(String variable, String fallback) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return home().resolve(fallback);
    }
}
