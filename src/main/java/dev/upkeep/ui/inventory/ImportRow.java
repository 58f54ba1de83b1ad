package dev.upkeep.ui.inventory;

import dev.upkeep.inventory.ImportPreview;
import dev.upkeep.inventory.ImportSkip;
import dev.upkeep.inventory.ServerText;
import dev.upkeep.inventory.UnusedVariable;

import java.util.ArrayList;
import java.util.List;

/** One line of the import preview's table: what happens to which server, the details, and where it was found. */
public record ImportRow(String what, String server, String detail, String source) {
    static final String ADD = "Add";
    static final String CHANGE = "Change";
    static final String SKIP = "Skip";
    static final String NOT_USED = "Not used";
    static final String WARNING = "Warning";

    static List<ImportRow> of(ImportPreview p) {
        List<ImportRow> rows = new ArrayList<>();
        for (ImportPreview.Added a : p.added()) {
            rows.add(new ImportRow(ADD, a.application() + "/" + a.server().name(), ServerText.describe(a.server())
                    + (p.newApplications().contains(a.application()) ? "  (new application)" : ""), a.source()));
        }
        for (ImportPreview.Changed c : p.changed()) {
            rows.add(new ImportRow(CHANGE, c.application() + "/" + c.after().name(), String.join("; ", c.differences()), c.source()));
        }
        for (ImportSkip s : p.skipped()) {
            rows.add(new ImportRow(SKIP, (s.application() == null ? "" : s.application() + "/") + s.name(), s.reason(),
                    s.source() == null ? "" : s.source()));
        }
        for (UnusedVariable v : p.source().unused()) {
            String on = v.hosts().size() <= 3 ? String.join(", ", v.hosts()) : v.hosts().size() + " servers";
            rows.add(new ImportRow(NOT_USED, on, v.name() + (v.note() == null ? "" : ": " + v.note()), v.where()));
        }
        for (String w : p.source().warnings()) {
            rows.add(new ImportRow(WARNING, "", w, ""));
        }
        return rows;
    }
}
