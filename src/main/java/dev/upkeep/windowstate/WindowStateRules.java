package dev.upkeep.windowstate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a remembered state may hold. The file is ours, but anything on disk may have been edited, truncated or
 * planted: each part that breaks a rule is dropped on its own (with a log line) and the window uses its default
 * for that part, so one bad number never costs the rest, and nothing here can stop the window from opening.
 */
public final class WindowStateRules {
    private static final Logger log = LoggerFactory.getLogger(WindowStateRules.class);
    /** Further than any real desktop reaches; beyond it a coordinate is damage, not a place. */
    static final double MAX_COORDINATE = 100_000;
    static final double MIN_WINDOW = 200;
    static final double MIN_COLUMN = 10;
    static final double MAX_COLUMN = 3_000;
    static final int MAX_COLUMNS = 64;
    static final int MAX_DIVIDERS = 8;
    static final int MAX_PATH = 4_096;
    private static final Pattern COLUMN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private WindowStateRules() {
    }

    public static WindowState check(WindowState s, String source) {
        return new WindowState(bounds(s.bounds(), source), dividers(s.dividers(), source), columns(s.columns(), source),
                workspace(s.lastWorkspace(), source), s.theme());
    }

    static WindowBounds bounds(WindowBounds b, String source) {
        if (b == null) {
            return null;
        }
        boolean sane = finiteWithin(b.x(), MAX_COORDINATE) && finiteWithin(b.y(), MAX_COORDINATE)
                && finiteWithin(b.width(), MAX_COORDINATE) && finiteWithin(b.height(), MAX_COORDINATE)
                && b.width() >= MIN_WINDOW && b.height() >= MIN_WINDOW;
        if (sane) {
            return b;
        }
        log.warn("{}: ignoring the window position {}: not a place on any screen", source, b);
        return null;
    }

    static List<Double> dividers(List<Double> dividers, String source) {
        boolean sane = dividers.size() <= MAX_DIVIDERS;
        double previous = 0;
        for (int i = 0; sane && i < dividers.size(); i++) {
            Double d = dividers.get(i);
            sane = d != null && d >= previous && d <= 1; // NaN fails every comparison
            previous = sane ? d : previous;
        }
        if (sane) {
            return dividers;
        }
        log.warn("{}: ignoring the divider positions {}: each must lie between 0 and 1, left to right", source, dividers);
        return List.of();
    }

    static List<ColumnState> columns(List<ColumnState> columns, String source) {
        if (columns.size() > MAX_COLUMNS) {
            log.warn("{}: ignoring {} remembered columns: more than the table could have", source, columns.size());
            return List.of();
        }
        List<ColumnState> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ColumnState c : columns) {
            boolean sane = c.id() != null && COLUMN_ID.matcher(c.id()).matches() && seen.add(c.id())
                    && Double.isFinite(c.width()) && c.width() >= MIN_COLUMN && c.width() <= MAX_COLUMN;
            if (sane) {
                kept.add(c);
            } else {
                log.warn("{}: ignoring the remembered column {}", source, c);
            }
        }
        return kept;
    }

    static String workspace(String path, String source) {
        if (path == null) {
            return null;
        }
        boolean sane = !path.isBlank() && path.length() <= MAX_PATH && path.indexOf('\0') < 0 && isAbsolute(path);
        if (sane) {
            return path;
        }
        log.warn("{}: ignoring the remembered workspace: not an absolute file path", source);
        return null;
    }

    private static boolean isAbsolute(String path) {
        try {
            return Path.of(path).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean finiteWithin(double v, double limit) {
        return Double.isFinite(v) && Math.abs(v) <= limit;
    }
}
