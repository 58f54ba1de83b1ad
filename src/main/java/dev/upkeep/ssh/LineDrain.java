package dev.upkeep.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * Reads one stream to its end, splitting it into lines. Both of a command's streams are drained by their own
 * drain at the same time: reading only one while the other's window fills up stalls the command.
 */
final class LineDrain implements Callable<Void> {
    /** Longer "lines" (binary junk, minified files) are cut into pieces rather than held whole in memory. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final OutputListener.Stream stream;
    private final OutputListener sink;

    LineDrain(InputStream in, OutputListener.Stream stream, OutputListener sink) {
        this.in = in;
        this.stream = stream;
        this.sink = sink;
    }

    @Override
    public Void call() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        byte[] buf = new byte[32 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    line.write(buf, start, i - start);
                    emit(line);
                    start = i + 1;
                } else if (line.size() + (i - start) >= MAX_LINE_BYTES) {
                    line.write(buf, start, i - start);
                    emit(line);
                    start = i;
                }
            }
            line.write(buf, start, n - start);
        }
        if (line.size() > 0) {
            emit(line);
        }
        return null;
    }

    private void emit(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8); // malformed bytes become U+FFFD
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        sink.onLine(stream, text);
    }
}
