package dev.upkeep.windowstate;

/** One table column by its stable id (not its title, which may be translated or renamed), and its width. */
public record ColumnState(String id, double width) {
}
