package dev.upkeep.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * How Ansible's INI inventory reads a line: host lines are split like a POSIX shell would (quotes, backslashes, and
 * a {@code #} outside quotes starts a comment, even inside a word), and every value then goes through Python's
 * {@code literal_eval}: {@code 2222} is a number, {@code True} a boolean, {@code 'x'} a string, anything else stays
 * the text it is.
 */
final class IniValues {
    private IniValues() {
    }

    /** shlex.split(line, comments=True); throws IllegalArgumentException on an unclosed quote. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '#') {
                break;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                }
                word = null;
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else if (c != '\\') {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("no closing quotation");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** What {@code ast.literal_eval} makes of a simple value; text it cannot read stays text. */
    static Object literal(String text) {
        String t = text.strip();
        switch (t) {
            case "True": return Boolean.TRUE;
            case "False": return Boolean.FALSE;
            case "None": return null;
            default: break;
        }
        if (t.matches("[+-]?[0-9](_?[0-9])*")) {
            String digits = t.replace("_", "");
            if (digits.replaceFirst("^[+-]", "").length() > 1 && digits.replaceFirst("^[+-]", "").startsWith("0")) {
                return text;
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        if (t.matches("[+-]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
            return Double.parseDouble(t);
        }
        if (t.length() >= 2 && (t.charAt(0) == '\'' || t.charAt(0) == '"') && t.charAt(t.length() - 1) == t.charAt(0)) {
            String inner = t.substring(1, t.length() - 1);
            if (inner.indexOf(t.charAt(0)) < 0 && inner.indexOf('\\') < 0) {
                return inner;
            }
        }
        return text;
    }
}
