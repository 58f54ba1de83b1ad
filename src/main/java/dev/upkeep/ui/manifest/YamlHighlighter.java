package dev.upkeep.ui.manifest;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Style classes for YAML text: keys, comments, quoted strings, anchors/aliases, numbers and versions, flow
 * punctuation. A lexical approximation (no parse), so it keeps working on text that is half typed.
 */
public final class YamlHighlighter {
    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>(?<=^|[ \\t])#[^\\r\\n]*)"
                    + "|(?<KEY>(?<=^|[ \\t]|- |\\{|, ?)[^\\s#'\"\\[\\]{},:&*!|>-][^:\\r\\n#{},]*(?=:(?:[ \\t]|$)))"
                    + "|(?<STRING>\"(?:[^\"\\\\\\r\\n]|\\\\.)*\"|'(?:[^'\\r\\n]|'')*')"
                    + "|(?<ANCHOR>[&*][^\\s,\\[\\]{}]+)"
                    + "|(?<NUMBER>(?<![\\w.-])[0-9]+(?:\\.[0-9]+)*(?:-ce)?(?![\\w.-]))"
                    + "|(?<PUNCT>[\\[\\]{},]|(?<=^|[ \\t])-(?=[ \\t]|$)|^---|^\\.\\.\\.)",
            Pattern.MULTILINE);
    private static final List<String> GROUPS = List.of("COMMENT", "KEY", "STRING", "ANCHOR", "NUMBER", "PUNCT");

    private YamlHighlighter() {
    }

    public static StyleSpans<Collection<String>> spans(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher m = TOKENS.matcher(text);
        int last = 0;
        while (m.find()) {
            spans.add(List.of(), m.start() - last);
            spans.add(List.of(styleClass(m)), m.end() - m.start());
            last = m.end();
        }
        spans.add(List.of(), text.length() - last);
        return spans.create();
    }

    private static String styleClass(Matcher m) {
        for (String g : GROUPS) {
            if (m.group(g) != null) {
                return "yaml-" + g.toLowerCase();
            }
        }
        throw new IllegalStateException("a match always has a group");
    }
}
