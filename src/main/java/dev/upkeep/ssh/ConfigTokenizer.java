package dev.upkeep.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits ssh_config lines the way OpenSSH's {@code argv_split} does: the keyword ends at whitespace or at a
 * single {@code =}; arguments are separated by whitespace and may be double- or single-quoted.
 */
final class ConfigTokenizer {
    private ConfigTokenizer() {
    }

    /** Returns keyword and arguments, or an empty list for blank and comment lines. */
    static List<String> split(String line) throws IllegalArgumentException {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return List.of();
        }
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') {
            i++;
        }
        List<String> out = new ArrayList<>();
        out.add(s.substring(0, i));
        // "Key = Value", "Key=Value" and "Key Value" all work; only one '=' is eaten.
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        out.addAll(arguments(s.substring(i)));
        return out;
    }

    /**
     * Everything after the keyword and its separator (any run of blanks and '='), trailing blanks removed, as
     * OpenSSH keeps it for command options: quotes and a trailing "# ..." are part of the command.
     */
    static String rest(String line) {
        String s = line.strip();
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') {
            i++;
        }
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '=')) {
            i++;
        }
        return s.substring(i);
    }

    static List<String> arguments(String s) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    args.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
            } else if (c == '#' && !inToken) {
                break; // trailing comment
            } else {
                cur.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote");
        }
        if (inToken) {
            args.add(cur.toString());
        }
        return args;
    }
}
