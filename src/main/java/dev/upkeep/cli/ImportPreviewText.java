package dev.upkeep.cli;

import dev.upkeep.fleet.Server;
import dev.upkeep.inventory.ImportPreview;
import dev.upkeep.inventory.ImportSkip;
import dev.upkeep.inventory.ServerText;
import dev.upkeep.inventory.UnusedVariable;

import java.util.ArrayList;
import java.util.List;

/** The import preview as the command line prints it: added, changed, skipped, unused variables, warnings. */
final class ImportPreviewText {
    private ImportPreviewText() {
    }

    static String format(ImportPreview p) {
        StringBuilder out = new StringBuilder();
        out.append("From ").append(p.source().description()).append(":\n");
        section(out, "Added", p.added().stream().map(a -> a.application() + "/" + a.server().name() + "  " + describe(a.server())
                + (p.newApplications().contains(a.application()) ? "  (new application)" : "") + "  [" + a.source() + "]").toList());
        section(out, "Changed", p.changed().stream().map(c -> c.application() + "/" + c.after().name() + ": "
                + String.join("; ", c.differences()) + "  [" + c.source() + "]").toList());
        section(out, "Skipped", p.skipped().stream().map(ImportSkip::toString).toList());
        List<String> connection = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (UnusedVariable v : p.unused()) {
            (v.connection() ? connection : other).add(v.toString());
        }
        section(out, "Not honoured (connection settings Upkeep does not take over)", connection);
        section(out, "Not used (other variables)", other);
        section(out, "Warnings", p.warnings());
        out.append(p.added().size()).append(" to add, ").append(p.changed().size()).append(" to change, ")
                .append(p.skipped().size()).append(" skipped.\n");
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(title).append(" (").append(lines.size()).append("):\n");
        lines.forEach(l -> out.append("  ").append(l).append('\n'));
    }

    private static String describe(Server s) {
        return ServerText.describe(s);
    }
}
