package dev.upkeep.ui.fleet;

import javafx.css.PseudoClass;

import java.util.Locale;

/** How loudly a cell speaks; the stylesheet maps each to AtlantaFX's -color-success/warning/danger/fg-muted. */
enum Tone {
    NONE, MUTED, SUCCESS, WARNING, DANGER;

    final PseudoClass pseudoClass = PseudoClass.getPseudoClass(name().toLowerCase(Locale.ROOT));
}
