package dev.upkeep.ui.fleet;

import java.util.Locale;
import java.util.function.Predicate;

/** Which rows the table shows: one application (or all), a search text, and optionally only those needing attention. */
record FleetFilter(String application, String text, boolean attentionOnly) implements Predicate<ServerRow> {
    FleetFilter {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean test(ServerRow row) {
        RowState s = row.state();
        if (application != null && !application.equals(s.ref().application())) {
            return false;
        }
        if (attentionOnly && !s.needsAttention()) {
            return false;
        }
        return s.matches(text);
    }
}
