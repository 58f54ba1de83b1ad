package dev.upkeep.ssh;

import java.time.Duration;
import java.util.Locale;

/**
 * The bounds of one remote command: how long it may stay silent and run in all, and how much of its output reaches
 * the listener. A server that hangs, or prints without end, must not hold a thread or fill memory.
 *
 * @param idle         stopped after this long without a byte on either stream; null for no idle bound
 * @param overall      stopped when not finished after this long; null for no overall bound
 * @param headBytes    output delivered to the listener, in bytes of lines, before the rest is held back
 * @param headLines    the same in lines
 * @param tailBytes    per stream, the last bytes of the held-back output, delivered as lines at the end after a
 *                     "… N more lines (X MB) not shown" line; 0 for neither summary nor tail
 * @param stopAfterBytes the command is stopped once this much output (both streams) arrived:
 *                     {@link OutputLimitException}. Equal to {@code headBytes} for output that is parsed as a whole,
 *                     where a cut-off part would be misread
 * @param firstPart    tighter bounds for the output up to a marker line, or null: one command that runs two steps (a
 *                     quick one, then a slow one) keeps the quick one's bounds until it said it finished
 */
public record CommandLimits(Duration idle, Duration overall, long headBytes, int headLines, int tailBytes,
                            long stopAfterBytes, FirstPart firstPart) {
    static final long MIB = 1L << 20;
    /** A step that says nothing for this long is taken for hung, unless its caller knows better. */
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);

    /**
     * Until a stdout line equal to {@code endLine}: stopped after {@code idle} without output
     * ({@link CommandTimeoutException}) or past {@code stopAfterBytes} of output ({@link OutputLimitException}).
     */
    public record FirstPart(String endLine, Duration idle, long stopAfterBytes) {
        public FirstPart {
            if (endLine == null || endLine.isEmpty() || idle == null || idle.isNegative() || idle.isZero()
                    || stopAfterBytes <= 0) {
                throw new IllegalArgumentException("bad first-part limits");
            }
        }
    }

    public CommandLimits(Duration idle, Duration overall, long headBytes, int headLines, int tailBytes,
                         long stopAfterBytes) {
        this(idle, overall, headBytes, headLines, tailBytes, stopAfterBytes, null);
    }

    public CommandLimits {
        if (headBytes < 0 || headLines < 0 || tailBytes < 0 || stopAfterBytes < headBytes) {
            throw new IllegalArgumentException("bad output limits");
        }
        if (idle != null && (idle.isNegative() || idle.isZero()) || overall != null && (overall.isNegative() || overall.isZero())) {
            throw new IllegalArgumentException("time limits must be positive");
        }
    }

    /**
     * For output that streams into the live log and the run log: the first 64 MiB / 1,000,000 lines, then a summary
     * and the last 64 KiB of each stream; a command that prints more than 1 GiB is stopped.
     */
    public static CommandLimits streaming() {
        return new CommandLimits(DEFAULT_IDLE, null, 64 * MIB, 1_000_000, 64 * 1024, 1024 * MIB);
    }

    /** For output read as a whole by a parser: more than {@code maxBytes} stops the command with an error. */
    public static CommandLimits parsed(long maxBytes) {
        return new CommandLimits(DEFAULT_IDLE, null, maxBytes, Integer.MAX_VALUE, 0, maxBytes);
    }

    public CommandLimits withIdle(Duration d) {
        return new CommandLimits(d, overall, headBytes, headLines, tailBytes, stopAfterBytes, firstPart);
    }

    /** These limits, with tighter ones for the output up to the line {@code endLine} (see {@link FirstPart}). */
    public CommandLimits withFirstPart(String endLine, Duration firstIdle, long firstStopAfterBytes) {
        return new CommandLimits(idle, overall, headBytes, headLines, tailBytes, stopAfterBytes,
                new FirstPart(endLine, firstIdle, firstStopAfterBytes));
    }

    public CommandLimits withOverall(Duration d) {
        return new CommandLimits(idle, d, headBytes, headLines, tailBytes, stopAfterBytes, firstPart);
    }

    public CommandLimits withOutput(long headBytes, int headLines, int tailBytes, long stopAfterBytes) {
        return new CommandLimits(idle, overall, headBytes, headLines, tailBytes, stopAfterBytes, firstPart);
    }

    /** "1.9 GB", "64 KiB"-style sizes for messages: decimal units, like the summary line. */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
