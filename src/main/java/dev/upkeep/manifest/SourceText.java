package dev.upkeep.manifest;

import java.util.Arrays;

/**
 * The original text with the lookups edits need: line starts, line/column of an offset, and the mapping from
 * the parser's code-point indexes to Java char offsets (they differ only when the file has characters outside
 * the Basic Multilingual Plane, e.g. emoji in a comment).
 */
final class SourceText {
    private final String text;
    private final int[] lineStarts;
    private final int[] charOfCodePoint; // null when every code point is one char

    SourceText(String text) {
        this.text = text;
        this.lineStarts = computeLineStarts(text);
        this.charOfCodePoint = text.codePointCount(0, text.length()) == text.length() ? null : codePointMap(text);
    }

    String text() {
        return text;
    }

    /** Char offset of the parser's code-point index. */
    int charOffset(int codePointIndex) {
        if (charOfCodePoint == null) {
            return Math.min(codePointIndex, text.length());
        }
        return charOfCodePoint[Math.min(codePointIndex, charOfCodePoint.length - 1)];
    }

    /** 1-based line of a char offset. */
    int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** 1-based column of a char offset. */
    int column(int offset) {
        int start = lineStart(offset);
        if (start == 0 && !text.isEmpty() && text.charAt(0) == '\uFEFF' && offset > 0) {
            start = 1; // a BOM is not a column anyone can see
        }
        return offset - start + 1;
    }

    int lineStart(int offset) {
        return lineStarts[line(offset) - 1];
    }

    /** Offset just past the line break ending the line that holds {@code offset} (or the text's end). */
    int nextLineStart(int offset) {
        int line = line(offset);
        return line < lineStarts.length ? lineStarts[line] : text.length();
    }

    /** Offset of the line break ending the line that holds {@code offset} (or the text's end). */
    int lineEnd(int offset) {
        int i = offset;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The file's own line break: the first one found, "\n" if there is none. */
    String lineBreak() {
        int n = text.indexOf('\n');
        int r = text.indexOf('\r');
        if (r >= 0 && (n < 0 || r < n)) {
            return n == r + 1 ? "\r\n" : "\r";
        }
        return "\n";
    }

    private static int[] computeLineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    private static int[] codePointMap(String text) {
        int[] map = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            map[cp++] = i;
        }
        map[cp] = text.length();
        return map;
    }
}
