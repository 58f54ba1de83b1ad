package dev.upkeep.ui.fleet;

import atlantafx.base.theme.Styles;
import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.run.ServerRef;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The detail pane's "Services to restart" part: the services (and stray processes) still using replaced libraries,
 * and Restart services… for the ones Upkeep may restart. The shell does the asking and the run.
 */
final class RestartSection {
    private RestartSection() {
    }

    private static final String NEVER = "never restarted by Upkeep";

    /** The list's lines: a dash when not known, why when Upkeep could not look, "none", or one line per service. */
    static List<String> lines(RestartNeeds n) {
        if (n == null) {
            return List.of("—");
        }
        if (!n.looked()) {
            return List.of("unknown: " + n.cannotLook());
        }
        List<String> out = new ArrayList<>();
        for (RestartNeeds.Service s : n.services()) {
            out.add(s.name() + (s.refusal() == null ? "" : " (" + refusalText(s.refusal()) + ")"));
        }
        for (RestartNeeds.StaleProcess p : n.processes()) {
            if (p.unit() == null) {
                out.add("process " + p.pid() + " " + p.command() + " (no service: restart it by hand)");
            }
        }
        return out.isEmpty() ? List.of("none") : out;
    }

    /** RestartRules' reasons for sshd and Upkeep's own session already say "never restarted by Upkeep". */
    private static String refusalText(String refusal) {
        return refusal.startsWith(NEVER) ? refusal : NEVER + ": " + refusal;
    }

    /**
     * Adds the section from row {@code r} and returns the next free row. {@code restart} null: the window runs
     * nothing (no button).
     */
    static int addTo(GridPane grid, int r, ServerRef ref, RestartNeeds n, BiConsumer<ServerRef, List<String>> restart) {
        Label k = new Label("Services to restart");
        k.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label(String.join("\n", lines(n)));
        v.setId("detail-services-to-restart");
        v.setWrapText(true);
        if (n != null && !n.services().isEmpty()) {
            v.getStyleClass().add(Styles.WARNING);
        }
        grid.addRow(r++, k, v);
        List<String> restartable = n == null ? List.of() : n.restartable().stream().map(RestartNeeds.Service::name).toList();
        if (restart == null || restartable.isEmpty()) {
            return r;
        }
        Button go = new Button("Restart services…");
        go.setId("detail-restart-services");
        go.setOnAction(e -> restart.accept(ref, restartable));
        grid.add(go, 1, r++);
        return r;
    }
}
