package dev.upkeep.cli;

import java.time.Duration;

final class Durations {
    private Durations() {
    }

    /** "3d 4h", "5h 12m", "42m", "17s": two units at most, as people say it. */
    static String human(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        if (minutes > 0) {
            return minutes + "m";
        }
        return s + "s";
    }
}
