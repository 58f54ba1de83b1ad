package dev.upkeep.cli;

import dev.upkeep.fleet.KexWarning;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Staleness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A table an engineer reads in a terminal; the reason for a reboot or an unreachable server on the line below, and
 * a note when the connection's key exchange was not post-quantum.
 */
final class StatusTable {
    private static final String[] HEADER = {"APPLICATION", "SERVER", "STATE", "REBOOT", "SECURITY", "OTHER", "LISTS",
            "AUTO-UPG", "OS", "KERNEL", "UPTIME", "DOCKER", "WEAVE"};

    private StatusTable() {
    }

    static String format(List<ServerStatus> statuses) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ServerStatus s : statuses) {
            rows.add(cells(s));
        }
        int[] width = new int[HEADER.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                line.append(String.format("%-" + width[i] + "s  ", cells[i]));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
            if (r > 0) {
                detail(statuses.get(r - 1), out);
            }
        }
        return out.toString();
    }

    private static String[] cells(ServerStatus s) {
        if (!s.reachable()) {
            return new String[]{s.application(), s.server(), "UNREACHABLE", "?", "?", "?", "?", "?", "", "", "", "", ""};
        }
        String kernel = s.kernel() == null ? "" : s.kernel() + (s.kernelUpdatePending() ? " (" + s.installedKernel() + " installed)" : "");
        return new String[]{s.application(), s.server(), "ok",
                s.rebootRequired() == null ? "?" : s.rebootRequired() ? "REBOOT REQUIRED" : "no",
                known(s.securityUpdates()), known(s.otherUpdates()),
                lists(s), s.unattendedUpgrades() == null ? "?" : s.unattendedUpgrades() ? "on" : "off",
                nz(s.os()), kernel, s.uptimeSeconds() == null ? "" : Durations.human(Duration.ofSeconds(s.uptimeSeconds())),
                s.dockerVersion() == null ? "-" : s.dockerVersion(), s.weaveVersion() == null ? "-" : s.weaveVersion()};
    }

    private static void detail(ServerStatus s, StringBuilder out) {
        String nl = System.lineSeparator();
        if (!s.reachable()) {
            out.append("    ").append(s.error()).append(nl);
        } else if (s.needsReboot()) {
            out.append("    reboot required");
            if (s.rebootRequiredSince() != null) {
                out.append(" since ").append(s.rebootRequiredSince());
            }
            if (!s.rebootPackages().isEmpty()) {
                out.append(", asked for by: ").append(String.join(", ", s.rebootPackages()));
            }
            out.append(nl);
        }
        if (s.kexNotPostQuantum()) {
            out.append("    WARNING: ").append(KexWarning.text(s.kex().algorithm())).append(nl);
        }
        // Facts about the release after the warnings, which belong right under the server's row.
        if (s.reachable() && s.osInfo() != null) {
            out.append("    ").append(s.supportSummary()).append(nl);
        }
        if (s.phasedUpdates() != null && s.phasedUpdates() > 0) {
            out.append("    ").append(s.phasedUpdates()).append(" phased update(s) held back by Ubuntu's staged roll-out"
                    + " (not pending here yet)").append(nl);
        }
    }

    private static String lists(ServerStatus s) {
        if (!s.listsKnown()) {
            return "?";
        }
        if (s.packageListsUpdated() == null) {
            return "never";
        }
        Duration age = Staleness.listsAge(s);
        String text = Durations.human(age) + " ago";
        return Staleness.listsStale(s) ? "STALE " + text : text;
    }

    /** Unknown is "?", never 0. */
    private static String known(Integer n) {
        return n == null ? "?" : n.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
