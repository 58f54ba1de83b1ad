package dev.upkeep.ui.fleet;

/** What one table cell shows: text, an optional icon literal and a tone. Meaning never rests on colour alone. */
record CellView(String text, String icon, Tone tone) {
    static final CellView EMPTY = new CellView("", null, Tone.NONE);

    static CellView text(String text) {
        return new CellView(text == null ? "" : text, null, Tone.NONE);
    }

    static CellView muted(String text) {
        return new CellView(text, null, Tone.MUTED);
    }
}
