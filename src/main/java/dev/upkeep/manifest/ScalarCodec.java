package dev.upkeep.manifest;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

import java.util.regex.Pattern;

/** Writes a new scalar value in the style the old one had, falling back to quoting when the style cannot hold it. */
final class ScalarCodec {
    private static final Pattern NOT_A_STRING = Pattern.compile(
            "~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N");

    private ScalarCodec() {
    }

    static String encode(String value, ScalarStyle style, boolean inFlow) {
        if (style == ScalarStyle.DOUBLE_QUOTED || needsDoubleQuotes(value)) {
            return doubleQuoted(value);
        }
        if (style == ScalarStyle.SINGLE_QUOTED) {
            return singleQuoted(value);
        }
        if (style == ScalarStyle.PLAIN && isSafePlain(value, inFlow)) {
            return value;
        }
        // plain that would change meaning, or a block scalar (| >) replaced by a one-line value
        return style == ScalarStyle.PLAIN ? singleQuoted(value) : doubleQuoted(value);
    }

    /** A plain scalar that reads back as exactly this string, in block or flow context. */
    static boolean isSafePlain(String v, boolean inFlow) {
        if (v.isEmpty() || !v.strip().equals(v) || NOT_A_STRING.matcher(v).matches()) {
            return false;
        }
        char first = v.charAt(0);
        if ("?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
            return false;
        }
        if (first == '-' && (v.length() == 1 || v.charAt(1) == ' ' || v.startsWith("---"))) {
            return false;
        }
        if (v.contains(": ") || v.contains(" #") || v.endsWith(":") || needsDoubleQuotes(v)) {
            return false;
        }
        return !inFlow || v.chars().noneMatch(c -> ",[]{}".indexOf(c) >= 0);
    }

    static String singleQuoted(String v) {
        return "'" + v.replace("'", "''") + "'";
    }

    static String doubleQuoted(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean needsDoubleQuotes(String v) {
        return v.chars().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F));
    }
}
