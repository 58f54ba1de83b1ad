package dev.upkeep.ui.shared.logs;

import dev.upkeep.files.AtomicFile;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One server's live log, as the pane shows it: the newest {@code cap} lines in memory, compressed (the full text is
 * in the on-disk log), appended a batch at a time on the FX thread, following the end only while the user is there,
 * and searchable. No view types: the pane binds to it, tests drive it directly.
 */
public final class LogPaneViewModel {
    public static final int DEFAULT_CAP = 100_000;

    private final int cap;
    private final CompactLines lines = new CompactLines();
    private final LongProperty dropped = new SimpleLongProperty();
    private final LongProperty total = new SimpleLongProperty();
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final IntegerProperty scrollRequests = new SimpleIntegerProperty();
    private final StringProperty query = new SimpleStringProperty("");
    private final IntegerProperty match = new SimpleIntegerProperty(-1);
    private final StringProperty source = new SimpleStringProperty("");

    public LogPaneViewModel(int cap) {
        if (cap < 10) {
            throw new IllegalArgumentException("cap too small: " + cap);
        }
        this.cap = cap;
        query.addListener((o, was, now) -> match.set(-1));
    }

    public LogPaneViewModel() {
        this(DEFAULT_CAP);
    }

    // properties

    public ObservableList<LogLine> lines() {
        return lines;
    }

    public int cap() {
        return cap;
    }

    /** Lines no longer in memory (older than the newest {@code cap}); they are in the on-disk log. */
    public ReadOnlyLongProperty droppedProperty() {
        return dropped;
    }

    /** Every line ever appended. */
    public ReadOnlyLongProperty totalProperty() {
        return total;
    }

    /** True while the view keeps the newest line in sight. The view sets it from the user's scrolling. */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** Goes up by one whenever the view should scroll to the last line (once per batch, only while following). */
    public ReadOnlyIntegerProperty scrollRequestsProperty() {
        return scrollRequests;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Index into {@link #lines()} of the current search hit, -1 for none. */
    public ReadOnlyIntegerProperty matchProperty() {
        return match;
    }

    /** Where the full text is (the on-disk log), shown above the lines. */
    public StringProperty sourceProperty() {
        return source;
    }

    // commands

    /** FX thread. One list change per batch, however many lines: the ListView lays out once. */
    public void append(List<LogLine> batch) {
        if (batch.isEmpty()) {
            return;
        }
        total.set(total.get() + batch.size());
        int excess = lines.size() + batch.size() - cap;
        if (excess <= 0) {
            lines.dropAndAppend(0, batch);
        } else {
            // Over the cap: keep the newest lines, a little under the cap so that a full pane is not trimmed on every
            // batch. One list change, whatever is dropped and added.
            int keep = Math.min(cap - cap / 20, lines.size() + batch.size());
            int drop = lines.size() + batch.size() - keep;
            int fromLines = Math.min(drop, lines.size());
            lines.dropAndAppend(fromLines, batch.subList(drop - fromLines, batch.size()));
            dropped.set(dropped.get() + drop);
            int m = match.get();
            if (m >= 0) {
                match.set(m - drop >= 0 ? m - drop : -1);
            }
        }
        if (follow.get()) {
            scrollRequests.set(scrollRequests.get() + 1);
        }
    }

    /** Replaces everything (a past run's log read from disk). */
    public void load(List<LogLine> all) {
        lines.dropAndAppend(lines.size(), List.of());
        dropped.set(0);
        total.set(0);
        match.set(-1);
        append(all);
    }

    /** The view reports where the user is: following resumes only when they are back at the last line. */
    public void userAtBottom(boolean atBottom) {
        follow.set(atBottom);
    }

    /** Next line containing the query (case-insensitive), wrapping around; returns its index or -1. */
    public int findNext() {
        return find(+1);
    }

    public int findPrevious() {
        return find(-1);
    }

    /** Whether the line contains the current query (for highlighting). */
    public boolean matches(LogLine line) {
        String q = query.get();
        return q != null && !q.isEmpty() && contains(line.text(), q);
    }

    /** The given lines as plain text (copy, save): stderr lines marked so the copy keeps the distinction. */
    public static String text(List<LogLine> selection) {
        StringBuilder sb = new StringBuilder();
        for (LogLine l : selection) {
            sb.append(l.error() ? "[stderr] " : "").append(l.text()).append('\n');
        }
        return sb.toString();
    }

    /**
     * "Save to file…": the lines as {@link #text}, saved atomically and private (0600) whatever the file's mode was,
     * since they are a server's output. File I/O: call off the FX thread.
     */
    public static void save(List<LogLine> lines, Path target) throws IOException {
        AtomicFile.write(target, text(lines), AtomicFile.Mode.PRIVATE);
    }

    private int find(int direction) {
        String q = query.get();
        int n = lines.size();
        if (q == null || q.isEmpty() || n == 0) {
            match.set(-1);
            return -1;
        }
        int start = match.get() < 0 ? (direction > 0 ? -1 : n) : match.get();
        for (int k = 1; k <= n; k++) {
            int i = Math.floorMod(start + direction * k, n);
            if (contains(lines.get(i).text(), q)) {
                follow.set(false); // looking at a hit: don't jump away from it
                match.set(i);
                return i;
            }
        }
        match.set(-1);
        return -1;
    }

    private static boolean contains(String text, String query) {
        return text.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
    }
}
