package dev.upkeep.ui.manifest;

import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class YamlHighlighterTest {

    /** "text=class" for every styled span. */
    private static List<String> styled(String text) {
        StyleSpans<Collection<String>> spans = YamlHighlighter.spans(text);
        List<String> out = new ArrayList<>();
        int pos = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (!span.getStyle().isEmpty()) {
                out.add(text.substring(pos, pos + span.getLength()) + "=" + span.getStyle().iterator().next());
            }
            pos += span.getLength();
        }
        assertThat(pos).isEqualTo(text.length());
        return out;
    }

    @Test
    void keysNumbersAndCommentsAreStyled() {
        assertThat(styled("docker_version: 24.0.7 # pinned\n"))
                .containsExactly("docker_version=yaml-key", "24.0.7=yaml-number", "# pinned=yaml-comment");
    }

    @Test
    void listItemsQuotedValuesAndAnchors() {
        assertThat(styled("  - server:\n      unique_name: 'a#b'\n      vendor: &v aws\n"))
                .containsExactly("-=yaml-punct", "server=yaml-key", "unique_name=yaml-key", "'a#b'=yaml-string",
                        "vendor=yaml-key", "&v=yaml-anchor");
    }

    @Test
    void flowStyleAndVersionSuffix() {
        assertThat(styled("docker: {version: 18.03.0-ce}"))
                .containsExactly("docker=yaml-key", "{=yaml-punct", "version=yaml-key", "18.03.0-ce=yaml-number", "}=yaml-punct");
    }

    @Test
    void aHashInsideAWordIsNotAComment() {
        assertThat(styled("a: b#c\n")).containsExactly("a=yaml-key");
    }

    @Test
    void emptyTextHasOneEmptySpan() {
        assertThat(YamlHighlighter.spans("").length()).isZero();
    }
}
