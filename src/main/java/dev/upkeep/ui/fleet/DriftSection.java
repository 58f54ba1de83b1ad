package dev.upkeep.ui.fleet;

import atlantafx.base.theme.Styles;
import dev.upkeep.manifest.Drift;
import dev.upkeep.run.ManifestWants;
import dev.upkeep.ui.shared.Icons;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.List;

/** The detail pane's "Drift" part: the manifest's Docker/Weave versions beside what the server runs. */
final class DriftSection {
    /** One line of the section; {@code drifted} lines get the drift icon (meaning never rests on colour alone). */
    record Line(String key, String text, boolean drifted) {
    }

    private DriftSection() {
    }

    /**
     * Adds the section to the detail pane's grid from row {@code r} (so its keys line up with the others) and
     * returns the next free row; adds nothing for a server whose application has no manifest.
     */
    static int addTo(GridPane grid, int r, RowState s) {
        if (s.wants() == null) {
            return r;
        }
        Label title = new Label("Drift from " + s.wants().manifest().getFileName());
        title.setId("detail-drift");
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "drift-title");
        grid.add(title, 0, r++, 2, 1);
        String why = note(s);
        if (why != null) {
            Label note = new Label(why);
            note.setId("drift-note");
            note.setWrapText(true);
            note.getStyleClass().add(Styles.TEXT_MUTED);
            grid.add(note, 0, r++, 2, 1);
        }
        for (Line line : lines(s)) {
            Label k = new Label(line.key());
            k.getStyleClass().add(Styles.TEXT_MUTED);
            Label v = new Label(line.text(), line.drifted() ? Icons.icon(Icons.DRIFT, "drift-icon") : null);
            v.setWrapText(true);
            grid.addRow(r++, k, v);
        }
        return r;
    }

    /** Why there is nothing to compare, or null when there is. */
    static String note(RowState s) {
        ManifestWants w = s.wants();
        String file = w.manifest().getFileName().toString();
        if (!w.readable()) {
            return file + " could not be read, so there is no drift information: " + w.note();
        }
        if (!w.appliesTo(s.ref().server())) {
            return file + " does not list this server under docker: servers.";
        }
        if (w.docker() == null && w.weave() == null) {
            return file + " names no Docker or Weave version.";
        }
        if (!s.reachable()) {
            return "What the server runs is known after a refresh. " + file + " wants Docker "
                + orNone(w.docker()) + ", Weave " + orNone(w.weave()) + ".";
        }
        return null;
    }

    static List<Line> lines(RowState s) {
        Drift.ServerDrift d = s.drift();
        if (d == null) {
            return List.of();
        }
        List<Line> out = new ArrayList<>();
        out.add(line("Docker", d.runningDocker(), d.wantedDocker(), d.docker()));
        out.add(line("Weave", d.runningWeave(), d.wantedWeave(), d.weave()));
        return out;
    }

    private static Line line(String key, String running, String wanted, Drift.State state) {
        return switch (state) {
            case DRIFTED -> new Line(key, "runs " + running + ", manifest wants " + wanted + " (drifted)", true);
            case IN_SYNC -> new Line(key, running + ", as the manifest wants", false);
            case UNKNOWN -> new Line(key, wanted == null ? orNone(running) + "; the manifest names no version"
                    : "not installed; manifest wants " + wanted, false);
        };
    }

    private static String orNone(String v) {
        return v == null ? "none" : v;
    }
}
