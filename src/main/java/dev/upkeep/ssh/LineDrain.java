package dev.upkeep.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Reads one stream to its end, splitting it into lines. Both of a command's streams are drained by their own
 * drain at the same time: reading only one while the other's window fills up stalls the command.
 *
 * <p>Lines go out while the command's {@link OutputGate} has room; after that the drain only counts what it reads
 * (no strings are built) and keeps the stream's last bytes, which follow a "… N more lines (X MB) not shown" line
 * at the end. Past the gate's ceiling it stops reading: the command is being stopped.
 */
final class LineDrain implements Callable<Void> {
    /** Longer "lines" (binary junk, minified files) are cut into pieces rather than held whole in memory. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final OutputListener.Stream stream;
    private final OutputGate gate;
    private TailBuffer tail;
    private long heldBytes;
    private long heldLines;
    private boolean heldEndsWithNewline = true;

    /** A drain without limits (every line goes to {@code sink}). */
    LineDrain(InputStream in, OutputListener.Stream stream, OutputListener sink) {
        this(in, stream, new OutputGate(new CommandLimits(null, null, Long.MAX_VALUE, Integer.MAX_VALUE, 0,
                Long.MAX_VALUE), sink, ceiling -> { }));
    }

    LineDrain(InputStream in, OutputListener.Stream stream, OutputGate gate) {
        this.in = in;
        this.stream = stream;
        this.gate = gate;
    }

    @Override
    public Void call() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        byte[] buf = new byte[32 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (!gate.read(n)) {
                hold(line.toByteArray(), 0, line.size());
                hold(buf, 0, n);
                break;
            }
            if (tail != null) {
                hold(buf, 0, n);
                continue;
            }
            int start = 0;
            for (int i = 0; i < n && tail == null; i++) {
                if (buf[i] == '\n') {
                    line.write(buf, start, i - start);
                    start = i + 1;
                    if (!emit(line, 1)) {
                        hold(buf, start, n - start);
                    }
                } else if (line.size() + (i - start) >= MAX_LINE_BYTES) {
                    line.write(buf, start, i - start);
                    start = i;
                    if (!emit(line, 0)) {
                        hold(buf, start, n - start);
                    }
                }
            }
            if (tail == null) {
                line.write(buf, start, n - start);
            }
        }
        if (tail == null && line.size() > 0) {
            emit(line, 0);
        }
        if (tail != null) {
            summarize();
        }
        return null;
    }

    /** Sends the line on if the gate takes it; else starts holding back, beginning with this line. */
    private boolean emit(ByteArrayOutputStream line, int terminator) {
        int bytes = line.size() + terminator;
        String text = line.toString(StandardCharsets.UTF_8); // malformed bytes become U+FFFD
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (tail == null && gate.offer(stream, text, bytes)) {
            line.reset();
            return true;
        }
        byte[] b = line.toByteArray();
        line.reset();
        hold(b, 0, b.length);
        if (terminator == 1) {
            hold(new byte[] {'\n'}, 0, 1);
        }
        return false;
    }

    /** Counts held-back bytes and lines, keeping only the last few for the tail. */
    private void hold(byte[] b, int off, int len) {
        if (tail == null) {
            tail = new TailBuffer(gate.tailBytes());
        }
        if (len <= 0) {
            return;
        }
        tail.write(b, off, len);
        heldBytes += len;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                heldLines++;
            }
        }
        heldEndsWithNewline = b[off + len - 1] == '\n';
    }

    private void summarize() {
        if (!gate.summarizes() || heldBytes == 0) {
            return;
        }
        long lines = heldLines + (heldEndsWithNewline ? 0 : 1);
        List<byte[]> last = tail.lines();
        long shownBytes = 0;
        for (byte[] l : last) {
            shownBytes += l.length + 1;
        }
        long notShown = Math.max(0, lines - last.size());
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ROOT);
        String note = "upkeep: … " + count.format(notShown) + " more lines ("
                + CommandLimits.size(Math.max(0, heldBytes - shownBytes)) + ") not shown"
                + (gate.ceilingHit() ? "; the command printed more than " + CommandLimits.size(gate.stopAfterBytes())
                        + " and was stopped" : "")
                + (last.isEmpty() ? "" : "; its last " + last.size() + " lines follow");
        gate.deliver(stream, note);
        for (byte[] l : last) {
            String text = new String(l, StandardCharsets.UTF_8);
            gate.deliver(stream, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        }
    }
}
