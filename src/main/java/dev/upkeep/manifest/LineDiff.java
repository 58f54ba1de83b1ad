package dev.upkeep.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines, for the save preview. Common head and tail are cut first; the middle
 * is diffed by longest common subsequence, which is plenty for manifests (a few hundred lines).
 */
public final class LineDiff {
    private static final int CONTEXT = 3;
    /** Above this many cells the middle is shown as "all removed, all added" rather than spending the memory. */
    private static final long MAX_CELLS = 4_000_000L;

    private LineDiff() {
    }

    /** Unified diff ("--- a", "+++ b", "@@ -l,n +l,n @@" hunks); empty string when the texts are equal. */
    public static String unified(String oldText, String newText, String oldName, String newName) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Op> ops = diff(a, b);
        StringBuilder out = new StringBuilder("--- ").append(oldName).append('\n')
                .append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < ops.size() && (ops.get(end).kind != ' ' || end - lastChange <= 2 * CONTEXT)) {
                if (ops.get(end).kind != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            hunk(out, ops.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Op> ops) {
        Op first = ops.get(0);
        int oldCount = (int) ops.stream().filter(o -> o.kind != '+').count();
        int newCount = (int) ops.stream().filter(o -> o.kind != '-').count();
        out.append("@@ -").append(first.oldLine + (oldCount == 0 ? 0 : 1)).append(',').append(oldCount)
                .append(" +").append(first.newLine + (newCount == 0 ? 0 : 1)).append(',').append(newCount).append(" @@\n");
        for (Op op : ops) {
            out.append(op.kind).append(op.text).append('\n');
        }
    }

    /** Lines without their breaks; a CR of CRLF is shown as part of nothing (line breaks are not diffed). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\r\n|\n|\r", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private record Op(char kind, String text, int oldLine, int newLine) {
    }

    /** Ops with 0-based line numbers of the position before each op. */
    private static List<Op> diff(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Op> ops = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            ops.add(new Op(' ', a.get(k), k, k));
        }
        middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), head, ops);
        for (int k = 0; k < tail; k++) {
            int ai = a.size() - tail + k;
            int bi = b.size() - tail + k;
            ops.add(new Op(' ', a.get(ai), ai, bi));
        }
        return ops;
    }

    private static void middle(List<String> a, List<String> b, int offset, List<Op> ops) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                ops.add(new Op('-', a.get(i), offset + i, offset));
            }
            for (int j = 0; j < m; j++) {
                ops.add(new Op('+', b.get(j), offset + n, offset + j));
            }
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i), offset + i, offset + j));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new Op('-', a.get(i), offset + i, offset + j)); // removals first, as diff(1) shows them
                i++;
            } else {
                ops.add(new Op('+', b.get(j), offset + i, offset + j));
                j++;
            }
        }
    }
}
