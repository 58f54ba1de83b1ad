package dev.upkeep.ui.shared.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A sealed run of log lines, deflated: each line as its UTF-8 length (a varint) and bytes, the stderr marks as bits.
 * The fastest deflate level: sealing happens on the FX thread while output streams in (about a millisecond a block).
 */
final class LineBlock {
    // One of each per thread (in practice the FX thread), reused: a new one per block would allocate zlib's state
    // (a few hundred kB, outside the Java heap) about 2,000 times for 20 logs of 100,000 lines.
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);
    private final byte[] packed;
    private final int rawLength;
    private final int count;
    private final long[] errors;

    private LineBlock(byte[] packed, int rawLength, int count, long[] errors) {
        this.packed = packed;
        this.rawLength = rawLength;
        this.count = count;
        this.errors = errors;
    }

    static LineBlock seal(List<LogLine> lines) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(lines.size() * 64);
        long[] errors = new long[(lines.size() + 63) / 64];
        for (int i = 0; i < lines.size(); i++) {
            LogLine line = lines.get(i);
            byte[] text = line.text().getBytes(StandardCharsets.UTF_8);
            for (int n = text.length; ; n >>>= 7) {
                if (n < 0x80) {
                    raw.write(n);
                    break;
                }
                raw.write((n & 0x7f) | 0x80);
            }
            raw.write(text, 0, text.length);
            if (line.error()) {
                errors[i / 64] |= 1L << (i % 64);
            }
        }
        byte[] bytes = raw.toByteArray();
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
            byte[] buffer = new byte[16 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return new LineBlock(out.toByteArray(), bytes.length, lines.size(), errors);
        } finally {
            deflater.reset();
        }
    }

    LogLine[] decode() {
        byte[] raw = new byte[rawLength];
        Inflater inflater = INFLATER.get();
        inflater.reset();
        try {
            inflater.setInput(packed);
            int n = 0;
            while (n < rawLength) {
                int got = inflater.inflate(raw, n, rawLength - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput())) {
                    break;
                }
                n += got;
            }
            if (n != rawLength) {
                throw new IllegalStateException("a log block decoded to " + n + " of " + rawLength + " bytes");
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a log block in memory is corrupt", e);
        } finally {
            inflater.reset();
        }
        LogLine[] lines = new LogLine[count];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                int b = raw[at++];
                length |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            lines[i] = new LogLine(new String(raw, at, length, StandardCharsets.UTF_8), (errors[i / 64] & (1L << (i % 64))) != 0);
            at += length;
        }
        return lines;
    }

    /** The last few blocks decoded: the lines in sight, and a search walking forward, decode each block once. */
    static final class Cache {
        private static final int KEEP = 4;
        private final Map<LineBlock, LogLine[]> recent = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<LineBlock, LogLine[]> eldest) {
                return size() > KEEP;
            }
        };

        LogLine[] lines(LineBlock block) {
            return recent.computeIfAbsent(block, LineBlock::decode);
        }
    }
}
