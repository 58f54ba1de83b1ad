package dev.upkeep.windowstate;

/** The theme the user chose: always light, always dark, or whatever the desktop prefers (read at start). */
public enum ThemeChoice {
    LIGHT, DARK, DESKTOP
}
