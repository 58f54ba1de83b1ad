package dev.upkeep.windowstate;

import java.util.List;

/**
 * What the window remembers between starts. Every part may be missing (null or empty): the window then uses its
 * default for that part only.
 *
 * @param bounds        null: the default size, centred
 * @param dividers      the main split's divider positions, 0..1, left to right
 * @param columns       the server table's columns in the order shown, with their widths
 * @param lastWorkspace the workspace file open when the window closed (never the demo's); null: none remembered
 * @param theme         null: light
 */
public record WindowState(WindowBounds bounds, List<Double> dividers, List<ColumnState> columns, String lastWorkspace,
                          ThemeChoice theme) {
    public static final WindowState EMPTY = new WindowState(null, List.of(), List.of(), null, null);

    public WindowState {
        dividers = dividers == null ? List.of() : List.copyOf(dividers);
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public ThemeChoice themeOrDefault() {
        return theme == null ? ThemeChoice.LIGHT : theme;
    }

    public WindowState withLastWorkspace(String workspace) {
        return new WindowState(bounds, dividers, columns, workspace, theme);
    }
}
