package dev.upkeep.ui.history;

import dev.upkeep.ui.shared.logs.LogLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a server's on-disk run log ({@code <instant> OUT|ERR|STP|END <text>} per line) into pane lines, keeping
 * only the newest {@code cap} (file I/O: call it off the FX thread). Steps and the end are shown as Upkeep's
 * narration; ERR lines as stderr.
 */
public final class LogFileReader {
    public record Result(List<LogLine> lines, long total) {
    }

    private LogFileReader() {
    }

    public static Result read(Path file, int cap) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new Result(List.of(LogLine.out("(no log: this server never started in this run)")), 1);
        }
        ArrayDeque<LogLine> last = new ArrayDeque<>();
        long total = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String raw; (raw = in.readLine()) != null; ) {
                total++;
                last.addLast(parse(raw));
                if (last.size() > cap) {
                    last.removeFirst();
                }
            }
        }
        return new Result(new ArrayList<>(last), total);
    }

    static LogLine parse(String raw) {
        int a = raw.indexOf(' ');
        int b = a < 0 ? -1 : raw.indexOf(' ', a + 1);
        if (a < 0 || b < 0 && raw.length() < a + 4) {
            return LogLine.out(raw);
        }
        String kind = raw.substring(a + 1, b < 0 ? raw.length() : b);
        String text = b < 0 ? "" : raw.substring(b + 1);
        String time = raw.substring(0, a);
        String hhmmss = time.length() >= 19 && time.charAt(10) == 'T' ? time.substring(11, 19) + " " : "";
        return switch (kind) {
            case "ERR" -> LogLine.err(hhmmss + text);
            case "STP" -> LogLine.out(hhmmss + "── " + text);
            case "END" -> LogLine.out(hhmmss + "══ " + text);
            default -> LogLine.out(hhmmss + text);
        };
    }
}
