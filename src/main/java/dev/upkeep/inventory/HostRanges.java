package dev.upkeep.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Ansible's host patterns in an inventory: {@code web[01:20].example.com} (numeric ranges keep their zero padding,
 * {@code [a:f]} letter ranges, an optional {@code :step}, several ranges in one name) and an optional {@code :port}
 * ({@code db1:2222}, {@code [2001:db8::1]:2222}; a bare IPv6 address has no port).
 */
final class HostRanges {
    /** A range like {@code [0:99999999]} is a mistake, not a fleet; the import stops there and says so. */
    static final int MAX_HOSTS = 10_000;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** The names a pattern stands for, and the port it names (null when none). */
    record Expanded(List<String> names, Integer port) {
    }

    private HostRanges() {
    }

    static Expanded expand(String pattern, Where where) throws InventoryException {
        String p = pattern.strip();
        if (p.isEmpty()) {
            throw where.error("empty host name");
        }
        if (p.endsWith(":")) {
            throw where.error("host pattern '" + p + "' ends in ':' (a ':' must be followed by a port)");
        }
        Integer port = null;
        String name = p;
        int close = p.lastIndexOf(']');
        if (p.startsWith("[") && close > 0 && p.substring(1, close).contains("::") && close + 1 < p.length()
                && p.charAt(close + 1) == ':') {
            name = p.substring(1, close); // [2001:db8::1]:2222
            port = port(p.substring(close + 2), p, where);
        } else {
            int colons = colonsOutsideBrackets(p);
            if (colons == 1) {
                int at = lastColonOutsideBrackets(p);
                name = p.substring(0, at);
                port = port(p.substring(at + 1), p, where);
            }
        }
        List<String> names = new ArrayList<>();
        expandRanges(name, names, where);
        return new Expanded(List.copyOf(names), port);
    }

    private static Integer port(String text, String pattern, Where where) throws InventoryException {
        if (!text.matches("[0-9]{1,5}")) {
            throw where.error("'" + pattern + "': '" + text + "' is not a port number");
        }
        return Integer.parseInt(text);
    }

    private static int colonsOutsideBrackets(String s) {
        int depth = 0;
        int n = 0;
        for (char c : s.toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ':' && depth == 0) {
                n++;
            }
        }
        return n;
    }

    private static int lastColonOutsideBrackets(String s) {
        int depth = 0;
        int at = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ':' && depth == 0) {
                at = i;
            }
        }
        return at;
    }

    /** Expands the first {@code [begin:end(:step)]}, then the rest of each result, as Ansible does. */
    private static void expandRanges(String name, List<String> out, Where where) throws InventoryException {
        int open = name.indexOf('[');
        int close = open < 0 ? -1 : name.indexOf(']', open);
        if (open < 0 || close < 0 || !name.substring(open + 1, close).contains(":")) {
            add(out, name, where);
            return;
        }
        String head = name.substring(0, open);
        String tail = name.substring(close + 1);
        String[] bounds = name.substring(open + 1, close).split(":", -1);
        if (bounds.length != 2 && bounds.length != 3) {
            throw where.error("host range [" + name.substring(open + 1, close) + "] must be begin:end or begin:end:step");
        }
        String begin = bounds[0].isEmpty() ? "0" : bounds[0];
        String end = bounds[1];
        if (end.isEmpty()) {
            throw where.error("host range in '" + name + "' has no end");
        }
        int step = 1;
        if (bounds.length == 3) {
            if (!bounds[2].matches("[0-9]{1,6}") || Integer.parseInt(bounds[2]) < 1) {
                throw where.error("host range step '" + bounds[2] + "' is not a positive number");
            }
            step = Integer.parseInt(bounds[2]);
        }
        int b = LETTERS.indexOf(begin);
        int e = LETTERS.indexOf(end);
        if (begin.length() == 1 && end.length() == 1 && b >= 0 && e >= 0) {
            if (b > e) {
                throw where.error("host range [" + begin + ":" + end + "] must have begin <= end");
            }
            for (int i = b; i <= e; i += step) {
                expandRanges(head + LETTERS.charAt(i) + tail, out, where);
            }
            return;
        }
        if (!begin.matches("[0-9]{1,9}") || !end.matches("[0-9]{1,9}")) {
            throw where.error("host range [" + name.substring(open + 1, close) + "] is neither numbers nor single letters");
        }
        boolean padded = begin.length() > 1 && begin.charAt(0) == '0';
        if (padded && begin.length() != end.length()) {
            throw where.error("host range [" + begin + ":" + end + "] must have begin and end of the same width");
        }
        long from = Long.parseLong(begin);
        long to = Long.parseLong(end);
        if ((to - from) / step + 1 > MAX_HOSTS) {
            throw tooMany(where);
        }
        for (long i = from; i <= to; i += step) {
            String n = padded ? String.format("%0" + begin.length() + "d", i) : Long.toString(i);
            expandRanges(head + n + tail, out, where);
        }
    }

    private static void add(List<String> out, String name, Where where) throws InventoryException {
        if (out.size() >= MAX_HOSTS) {
            throw tooMany(where);
        }
        out.add(name);
    }

    private static InventoryException tooMany(Where where) {
        return where.error("the host range stands for more than " + MAX_HOSTS + " hosts: not imported");
    }
}
