package dev.upkeep.ui.fleet;

import dev.upkeep.fleet.ServerStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How status values read in the window: short, human, and the same in table, tooltip and detail pane. */
public final class Formats {
    /** Package lists older than this make update counts doubtful: the row says so. */
    public static final Duration STALE_LISTS = Duration.ofHours(24);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private Formats() {
    }

    /** "45 s", "12 min", "5 h 12 min", "3 d 4 h". */
    public static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        long m = s / 60;
        if (m < 60) {
            return m + " min";
        }
        long h = m / 60;
        if (h < 24) {
            return h + " h " + (m % 60) + " min";
        }
        return (h / 24) + " d " + (h % 24) + " h";
    }

    public static String uptime(Long seconds) {
        return seconds == null ? "" : duration(Duration.ofSeconds(seconds));
    }

    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return "";
        }
        Duration d = Duration.between(then, now);
        return d.getSeconds() < 5 ? "just now" : duration(d) + " ago";
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public static boolean listsStale(ServerStatus s, Instant now) {
        return s != null && s.listsKnown()
                && (s.packageListsUpdated() == null || Duration.between(s.packageListsUpdated(), now).compareTo(STALE_LISTS) > 0);
    }

    /** Running kernel, with the installed one when a reboot would change it. */
    public static String kernel(ServerStatus s) {
        if (s == null || !s.reachable() || s.kernel() == null) {
            return "";
        }
        return s.kernelUpdatePending() ? s.kernel() + " → " + s.installedKernel() : s.kernel();
    }

    public static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    /** "ok" or the first line of the error, for the last-result column. */
    public static String result(ServerStatus s) {
        if (s == null) {
            return "";
        }
        if (s.reachable()) {
            return "ok";
        }
        String e = s.error() == null ? "unreachable" : s.error();
        int nl = e.indexOf('\n');
        return nl < 0 ? e : e.substring(0, nl);
    }
}
