package dev.upkeep.manifest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every value written in every good manifest: setting it touches nothing before or after that value's
 * characters, and reads back. Values are set to awkward strings too (quotes, colon-space, comment marker).
 */
class EveryValueEditTest {

    static List<Path> goodFiles() {
        return Corpus.files("good");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodFiles")
    void editingAnyValueChangesOnlyItsOwnCharacters(Path file) {
        String text = Corpus.text(file);
        ManifestDocument doc = ManifestDocument.parse(text, "m");
        List<Object[]> values = new ArrayList<>();
        collect(doc.tree(), doc.tree().root, "", values);
        assertThat(values).isNotEmpty();

        for (Object[] v : values) {
            String path = (String) v[0];
            ScalarNode node = (ScalarNode) v[1];
            int start = doc.tree().start(node);
            int end = doc.tree().end(node);
            for (String newValue : List.of("9.9.9", "it's \"x\"", "a: b # c", "")) {
                ManifestDocument edited = doc.set(path, newValue);

                assertThat(edited.text()).as("%s = %s", path, newValue).startsWith(text.substring(0, start));
                assertThat(edited.text()).as("%s = %s", path, newValue).endsWith(text.substring(end));
                if (!newValue.isEmpty()) {
                    assertThat(edited.get(path)).as(path).contains(newValue);
                }
                if (!path.endsWith(".server")) { // "server: external" or the flat shape's empty "server:" is the entry's kind
                    assertThat(edited.servers(null)).hasSameSizeAs(doc.servers(null));
                }
            }
        }
    }

    /** Paths of the scalars written in place (not aliases, not merged in). */
    private static void collect(YamlTree tree, Node node, String path, List<Object[]> out) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = YamlTree.keyText(t);
                if (key == null || "<<".equals(key) || tree.isAliasValue(t)) {
                    continue;
                }
                String p = path.isEmpty() ? key : path + "." + key;
                if (t.getValueNode() instanceof ScalarNode s) {
                    out.add(new Object[]{p, s});
                } else {
                    collect(tree, t.getValueNode(), p, out);
                }
            }
        } else if (node instanceof SequenceNode s) {
            int previousEnd = tree.start(s);
            for (int i = 0; i < s.getValue().size(); i++) {
                Node item = s.getValue().get(i);
                if (tree.start(item) >= previousEnd) {
                    if (item instanceof ScalarNode sc) {
                        out.add(new Object[]{path + "." + i, sc});
                    } else {
                        collect(tree, item, path + "." + i, out);
                    }
                }
                previousEnd = tree.end(item);
            }
        }
    }
}
