package dev.upkeep.run;

/**
 * A number of servers given as a count ("2") or as a share of the run's servers ("25%"): a rolling batch size or a
 * failure limit. A percentage resolves by rounding down, but never below 1: the smaller batch and the earlier stop
 * are the safe side.
 */
public record Share(int value, boolean percent) {
    public Share {
        if (value < 1) {
            throw new IllegalArgumentException("must be at least 1, not " + value);
        }
        if (percent && value > 100) {
            throw new IllegalArgumentException("a percentage must be 1-100%, not " + value + "%");
        }
    }

    public static Share count(int n) {
        return new Share(n, false);
    }

    public static Share percent(int p) {
        return new Share(p, true);
    }

    /** "2" or "25%"; throws IllegalArgumentException with a message fit for the user otherwise. */
    public static Share parse(String text) {
        String t = text == null ? "" : text.strip();
        boolean pct = t.endsWith("%");
        String digits = pct ? t.substring(0, t.length() - 1).strip() : t;
        if (!digits.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("'" + text + "' is not a number of servers (N) or a percentage (N%)");
        }
        return new Share(Integer.parseInt(digits), pct);
    }

    /** How many servers this is out of {@code total} (at least 1). */
    public int of(int total) {
        if (!percent) {
            return value;
        }
        return Math.max(1, (int) ((long) total * value / 100));
    }

    @Override
    public String toString() {
        return percent ? value + "%" : Integer.toString(value);
    }

    /** For messages: "2 servers", "25% of the servers". */
    public String describe() {
        return percent ? value + "% of the servers" : value + (value == 1 ? " server" : " servers");
    }
}
