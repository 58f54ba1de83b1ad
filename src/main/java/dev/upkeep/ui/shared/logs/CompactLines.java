package dev.upkeep.ui.shared.logs;

import javafx.collections.ObservableListBase;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * A log pane's lines, kept compressed: every {@value #BLOCK} lines are sealed into one {@link LineBlock} (deflated,
 * about a tenth of the size of the same lines as Java strings for package manager output), the newest lines stay
 * as they are. A ListView only asks for the lines in sight, and {@link LineBlock} keeps the last few blocks it
 * decoded, so scrolling and search cost a block's decoding now and then. This is what lets 20 logs of 100,000 lines
 * each stay in memory in full. Read-only for everyone but the pane's view model; FX thread only.
 */
final class CompactLines extends ObservableListBase<LogLine> {
    static final int BLOCK = 1024;

    private final ArrayList<LineBlock> sealed = new ArrayList<>();
    private final ArrayList<LogLine> open = new ArrayList<>();
    private final LineBlock.Cache cache = new LineBlock.Cache();
    /** Lines of the first sealed block that were dropped already. */
    private int headSkip;

    @Override
    public int size() {
        return sealed.size() * BLOCK - headSkip + open.size();
    }

    @Override
    public LogLine get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index + " of " + size());
        }
        int at = index + headSkip;
        int block = at / BLOCK;
        return block < sealed.size() ? cache.lines(sealed.get(block))[at % BLOCK] : open.get(at - sealed.size() * BLOCK);
    }

    /** Drops the {@code drop} oldest lines and appends {@code batch}: one list change. */
    void dropAndAppend(int drop, List<LogLine> batch) {
        if (drop < 0 || drop > size()) {
            throw new IllegalArgumentException("cannot drop " + drop + " of " + size() + " lines");
        }
        if (drop == 0 && batch.isEmpty()) {
            return;
        }
        beginChange();
        if (drop > 0) {
            nextRemove(0, dropFirst(drop));
        }
        int from = size();
        for (LogLine line : batch) {
            open.add(line);
            if (open.size() == BLOCK) {
                seal();
            }
        }
        if (!batch.isEmpty()) {
            nextAdd(from, size());
        }
        endChange();
    }

    /** Removes the oldest lines; returns them as a view over the blocks that held them (decoded only if read). */
    private List<LogLine> dropFirst(int n) {
        List<LogLine> removed = new Detached(new ArrayList<>(sealed), new ArrayList<>(open), headSkip, n, cache);
        int left = n;
        while (left > 0 && !sealed.isEmpty()) {
            int inFirst = BLOCK - headSkip;
            if (left >= inFirst) {
                sealed.remove(0);
                headSkip = 0;
                left -= inFirst;
            } else {
                headSkip += left;
                left = 0;
            }
        }
        if (left > 0) {
            open.subList(0, left).clear();
        }
        return removed;
    }

    private void seal() {
        if (sealed.isEmpty()) {
            headSkip = 0;
        }
        sealed.add(LineBlock.seal(open));
        open.clear();
    }

    /** Lines that left the list, as they were: what a list change reports as removed. */
    private static final class Detached extends AbstractList<LogLine> {
        private final List<LineBlock> blocks;
        private final List<LogLine> open;
        private final int skip;
        private final int size;
        private final LineBlock.Cache cache;

        Detached(List<LineBlock> blocks, List<LogLine> open, int skip, int size, LineBlock.Cache cache) {
            this.blocks = blocks;
            this.open = open;
            this.skip = skip;
            this.size = size;
            this.cache = cache;
        }

        @Override
        public LogLine get(int index) {
            int at = index + skip;
            int block = at / BLOCK;
            return block < blocks.size() ? cache.lines(blocks.get(block))[at % BLOCK] : open.get(at - blocks.size() * BLOCK);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
