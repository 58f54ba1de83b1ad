package dev.upkeep.windowstate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table's columns in the remembered order and widths. Columns the program no longer has are dropped; columns
 * it gained since (a newer version) keep their default width and go where they stand among the defaults.
 */
public final class ColumnLayout {
    private ColumnLayout() {
    }

    /** @param defaults the table's columns in their default order with their default widths */
    public static List<ColumnState> arrange(List<ColumnState> defaults, List<ColumnState> remembered) {
        Map<String, ColumnState> byId = new LinkedHashMap<>();
        defaults.forEach(c -> byId.put(c.id(), c));
        List<ColumnState> result = new ArrayList<>();
        for (ColumnState r : remembered) {
            if (byId.remove(r.id()) != null) {
                result.add(r);
            }
        }
        for (ColumnState added : byId.values()) {
            int at = defaults.indexOf(added);
            result.add(Math.min(at, result.size()), added);
        }
        return result;
    }
}
