package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.SecurityPatchAge;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Settings;
import dev.upkeep.manifest.Drift;
import dev.upkeep.ui.shared.Icons;

import java.time.Instant;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** What each status column says about a row, as plain functions (kept apart from the table so they stay small). */
final class Columns {
    private final Supplier<Instant> now;

    private final IntSupplier warnDays;

    Columns(Supplier<Instant> now) {
        this(now, () -> Settings.DEFAULT_PATCH_AGE_WARN_DAYS);
    }

    /** @param warnDays the workspace's {@code settings.patchAgeWarnDays} */
    Columns(Supplier<Instant> now, IntSupplier warnDays) {
        this.warnDays = warnDays;
        this.now = now;
    }

    static CellView reachability(RowState s) {
        return switch (s.phase()) {
            case QUEUED -> CellView.muted("queued…");
            case CHECKING -> CellView.muted("checking…");
            case IDLE -> !s.known() ? CellView.muted("not checked")
                    : s.status().kexNotPostQuantum() ? new CellView("reachable · no PQ", Icons.KEX_NOT_PQ, Tone.WARNING)
                    : s.reachable() ? new CellView("reachable", Icons.REACHABLE, Tone.SUCCESS)
                    : new CellView("unreachable", Icons.UNREACHABLE, Tone.DANGER);
        };
    }

    static CellView kernel(RowState s) {
        if (!s.reachable()) {
            return CellView.EMPTY;
        }
        ServerStatus st = s.status();
        return st.kernelUpdatePending()
                ? new CellView(Formats.kernel(st), Icons.KERNEL, Tone.WARNING)
                : CellView.text(st.kernel());
    }

    static CellView securityUpdates(RowState s) {
        if (!s.reachable() || s.status().securityUpdates() == null) {
            return CellView.EMPTY;
        }
        int n = s.status().securityUpdates();
        return n > 0 ? new CellView(Integer.toString(n), Icons.SECURITY, Tone.DANGER) : CellView.muted("0");
    }

    static CellView otherUpdates(RowState s) {
        if (!s.reachable() || s.status().otherUpdates() == null) {
            return CellView.EMPTY;
        }
        int n = s.status().otherUpdates();
        return n > 0 ? CellView.text(Integer.toString(n)) : CellView.muted("0");
    }

    CellView packageLists(RowState s) {
        if (!s.reachable() || !s.status().listsKnown()) {
            return CellView.EMPTY;
        }
        Instant updated = s.status().packageListsUpdated();
        if (updated == null) {
            return new CellView("never updated", Icons.STALE, Tone.WARNING);
        }
        String age = Formats.ago(updated, now.get());
        return Formats.listsStale(s.status(), now.get()) ? new CellView(age + " (stale)", Icons.STALE, Tone.WARNING)
                : CellView.text(age);
    }

    /**
     * When the server last installed a security update, by anyone: "N days ago", amber with the stale icon past
     * {@code settings.patchAgeWarnDays} (also when the logs hold none and go back further), "unknown" when not read.
     */
    CellView lastSecurityUpgrade(RowState s) {
        if (!s.reachable()) {
            return CellView.EMPTY;
        }
        SecurityPatchAge age = s.status().securityPatchAge();
        if (age == null) {
            return CellView.muted("unknown");
        }
        Long days = age.daysAgo(now.get());
        String text = days == null ? "none in the logs" : days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
        return age.olderThan(warnDays.getAsInt(), now.get()) ? new CellView(text, Icons.STALE, Tone.WARNING)
                : days == null ? CellView.muted(text) : CellView.text(text);
    }

    /** Services still using replaced libraries: their names, "none", or why it is unknown (muted). */
    static CellView servicesToRestart(RowState s) {
        if (!s.reachable() || s.status().restartNeeds() == null) {
            return CellView.EMPTY;
        }
        RestartNeeds n = s.status().restartNeeds();
        if (!n.looked()) {
            return CellView.muted("unknown");
        }
        if (n.services().isEmpty()) {
            return CellView.muted("none");
        }
        return new CellView(String.join(", ", n.services().stream().map(RestartNeeds.Service::name).toList()),
                null, Tone.WARNING);
    }

    static CellView unattended(RowState s) {
        if (!s.reachable() || s.status().unattendedUpgrades() == null) {
            return CellView.EMPTY;
        }
        return s.status().unattendedUpgrades() ? CellView.text("on") : new CellView("off", null, Tone.WARNING);
    }

    static CellView version(String v, RowState s) {
        if (!s.reachable()) {
            return CellView.EMPTY;
        }
        return v == null ? CellView.muted("none") : CellView.text(v);
    }

    /** Docker as the server runs it; "running → wanted" with a drift icon when the manifest asks for another version. */
    static CellView docker(RowState s) {
        Drift.ServerDrift d = s.drift();
        return d == null ? version(s.known() ? s.status().dockerVersion() : null, s)
                : versus(d.runningDocker(), d.wantedDocker(), d.docker(), s);
    }

    static CellView weave(RowState s) {
        Drift.ServerDrift d = s.drift();
        return d == null ? version(s.known() ? s.status().weaveVersion() : null, s)
                : versus(d.runningWeave(), d.wantedWeave(), d.weave(), s);
    }

    private static CellView versus(String running, String wanted, Drift.State state, RowState s) {
        return state == Drift.State.DRIFTED ? new CellView(running + " → " + wanted, Icons.DRIFT, Tone.WARNING) : version(running, s);
    }

    static CellView reboot(RowState s) {
        if (!s.reachable() || s.status().rebootRequired() == null) {
            return CellView.EMPTY;
        }
        return s.rebootRequired() ? new CellView("Reboot required", Icons.REBOOT, Tone.DANGER) : CellView.muted("no");
    }

    CellView lastChecked(RowState s) {
        if (!s.known()) {
            return CellView.EMPTY;
        }
        ServerStatus st = s.status();
        String when = Formats.ago(st.checkedAt(), now.get());
        return st.reachable() ? CellView.text(when + " · ok")
                : new CellView(when + " · " + Formats.result(st), null, Tone.DANGER);
    }
}
