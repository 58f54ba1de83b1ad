package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.ServerStatus;

import java.time.Instant;

/** The sentence behind a marked row: why a reboot is required, or why the server could not be reached. */
final class Explain {
    private Explain() {
    }

    /** Null when the row has nothing to explain. */
    static String why(RowState s, Instant now) {
        if (s.unreachable()) {
            return "Unreachable: " + (s.status().error() == null ? "no answer" : s.status().error());
        }
        if (s.rebootRequired()) {
            return reboot(s.status(), now);
        }
        return null;
    }

    static String reboot(ServerStatus st, Instant now) {
        StringBuilder b = new StringBuilder("Reboot required");
        if (st.rebootRequiredSince() != null) {
            b.append(" since ").append(Formats.time(st.rebootRequiredSince()))
                    .append(" (").append(Formats.ago(st.rebootRequiredSince(), now)).append(")");
        }
        b.append(st.rebootPackages().isEmpty() ? "\nNo package named the reason."
                : "\nAsked for by: " + String.join(", ", st.rebootPackages()));
        if (st.kernelUpdatePending()) {
            b.append("\nKernel ").append(st.kernel()).append(" runs; ")
                .append(st.installedKernel()).append(" is installed.");
        }
        return b.toString();
    }
}
