package dev.upkeep.manifest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The text composed into SnakeYAML nodes (not constructed into Java objects: composing keeps every node's
 * position and never expands aliases, so a "billion laughs" file stays small). Text-level checks run first so
 * that binary garbage, oversized files and tab indentation get a clear located message; {@link AliasGraph} then
 * refuses alias cycles and alias bombs, which every reader of the tree would otherwise walk forever.
 */
final class YamlTree {
    private static final Logger LOG = LoggerFactory.getLogger(YamlTree.class);

    /** Manifests are a few kilobytes; a megabyte is certainly a wrong file. */
    static final int MAX_CHARS = 1_000_000;
    static final int MAX_NESTING = 64;
    /**
     * Composing never expands aliases, but anything that later constructs objects from this text would: the
     * parser's own default (50 aliases to collections) keeps a "billion laughs" file out at the door.
     */
    static final int MAX_ALIASES = 50;

    final SourceText source;
    final Node root; // null when the text is empty, only comments, or could not be parsed
    final List<Problem> problems;

    private YamlTree(SourceText source, Node root, List<Problem> problems) {
        this.source = source;
        this.root = root;
        this.problems = List.copyOf(problems);
    }

    boolean parsed() {
        return problems.stream().noneMatch(Problem::isError);
    }

    static YamlTree parse(String text) {
        SourceText source = new SourceText(text);
        List<Problem> problems = new ArrayList<>();
        if (text.length() > MAX_CHARS) {
            problems.add(error(source, MAX_CHARS, "file is larger than " + MAX_CHARS + " characters; not a manifest"));
            return new YamlTree(source, null, problems);
        }
        int bad = firstForbiddenChar(text);
        if (bad >= 0) {
            problems.add(error(source, bad, String.format("binary or control character U+%04X; not a text manifest",
                    text.codePointAt(bad))));
            return new YamlTree(source, null, problems);
        }
        List<Problem> tabs = new ArrayList<>();
        checkTabs(source, tabs);
        Node root = null;
        try {
            root = new Yaml(loaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            if (e.getContextMark() != null && mark != null && mark.getIndex() >= text.codePointCount(0, text.length())) {
                mark = e.getContextMark(); // "unexpected end of stream": where the unfinished thing began helps more
            }
            int offset = mark == null ? 0 : source.charOffset(mark.getIndex());
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            problems.add(error(source, offset, "YAML syntax: " + oneLine(what) + context));
        } catch (ReaderException e) {
            problems.add(error(source, source.charOffset(e.getPosition()), "unreadable character: " + oneLine(e.getMessage())));
        } catch (YAMLException e) {
            // limits (aliases, nesting, size) have no mark: point at the alias over the limit, else the start
            boolean aliases = e.getMessage() != null && e.getMessage().contains("aliases");
            problems.add(error(source, aliases ? aliasOverLimit(text) : 0,
                    "YAML refused: " + oneLine(e.getMessage())));
        } catch (StackOverflowError | RuntimeException e) {
            LOG.debug("parser failed", e);
            problems.add(error(source, 0, "YAML could not be read: " + e.getClass().getSimpleName()));
        }
        Problem graph = root == null ? null : AliasGraph.check(root, source);
        if (graph != null) {
            problems.add(graph);
            root = null; // nothing may walk a cycle or an alias bomb
        }
        // a tab the parser tolerated (inside a block scalar, after a flow indicator) is only a warning
        boolean failed = !problems.isEmpty();
        tabs.forEach(t -> problems.add(failed ? t : new Problem(Severity.WARNING, t.line(), t.column(),
                t.message() + " (read fine here, but other tools may not)", "")));
        return new YamlTree(source, root, problems);
    }

    /** Offset of the alias ({@code *name}) that went over {@link #MAX_ALIASES}, roughly: comments are not skipped. */
    private static int aliasOverLimit(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '*' && (i == 0 || " \t[,{:-".indexOf(text.charAt(i - 1)) >= 0) && ++count > MAX_ALIASES) {
                return i;
            }
        }
        return Math.max(0, text.indexOf('*'));
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // detected and reported by the validator, with a location
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CHARS + 16);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return options;
    }

    private static void checkTabs(SourceText source, List<Problem> problems) {
        String text = source.text();
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                for (int j = lineStart; j < i && (text.charAt(j) == ' ' || text.charAt(j) == '\t'); j++) {
                    if (text.charAt(j) == '\t') {
                        problems.add(error(source, j, "tab in indentation; YAML indents with spaces only"));
                        break;
                    }
                }
                lineStart = i + 1;
            }
        }
    }

    /** Index of the first char YAML forbids (C0/C1 controls except tab and line breaks, U+FFFE/U+FFFF, lone surrogates). */
    static int firstForbiddenChar(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean forbidden = (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    || (c >= 0x7F && c <= 0x9F && c != 0x85) || c == 0xFFFE || c == 0xFFFF;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                forbidden = true;
            } else if (Character.isLowSurrogate(c)) {
                forbidden = true;
            }
            if (forbidden) {
                return i;
            }
        }
        return -1;
    }

    static Problem error(SourceText source, int offset, String message) {
        return new Problem(Severity.ERROR, source.line(offset), source.column(offset), message, "");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    // --- positions --------------------------------------------------------------------------------------

    int start(Node node) {
        return source.charOffset(node.getStartMark().getIndex());
    }

    int end(Node node) {
        return source.charOffset(node.getEndMark().getIndex());
    }

    int line(Node node) {
        return source.line(start(node));
    }

    int column(Node node) {
        return source.column(start(node));
    }

    // --- navigation ---------------------------------------------------------------------------------------

    /** The value of a key in a mapping, following merge keys ({@code <<: *defaults}) as YAML does. */
    static NodeTuple entry(Node mapping, String key) {
        if (!(mapping instanceof MappingNode m)) {
            return null;
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key) && !"<<".equals(k.getValue())) {
                return t;
            }
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && "<<".equals(k.getValue())) {
                List<Node> sources = t.getValueNode() instanceof SequenceNode s ? s.getValue() : List.of(t.getValueNode());
                for (Node src : sources) {
                    if (src != mapping) {
                        NodeTuple found = entry(src, key);
                        if (found != null) {
                            return found;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The mapping's entries as YAML means them: its own keys, then keys merged in by {@code <<} it does not override. */
    static List<NodeTuple> entries(Node mapping) {
        List<NodeTuple> out = new ArrayList<>();
        if (!(mapping instanceof MappingNode m)) {
            return out;
        }
        Set<String> own = new HashSet<>();
        for (NodeTuple t : m.getValue()) {
            String key = keyText(t);
            if (!"<<".equals(key)) {
                out.add(t);
                own.add(key);
            }
        }
        for (NodeTuple t : m.getValue()) {
            if ("<<".equals(keyText(t))) {
                List<Node> sources = t.getValueNode() instanceof SequenceNode s ? s.getValue() : List.of(t.getValueNode());
                for (Node src : sources) {
                    if (src != mapping && src instanceof MappingNode sm) {
                        for (NodeTuple merged : sm.getValue()) {
                            if (!"<<".equals(keyText(merged)) && own.add(keyText(merged))) {
                                out.add(merged);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    static Node value(Node mapping, String key) {
        NodeTuple t = entry(mapping, key);
        return t == null ? null : t.getValueNode();
    }

    /** Scalar text, or null for a missing node, a collection, or a YAML null. */
    static String scalar(Node node) {
        if (node instanceof ScalarNode s && !isNull(s)) {
            return s.getValue();
        }
        return null;
    }

    static boolean isNull(Node node) {
        if (!(node instanceof ScalarNode s) || s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return false;
        }
        String v = s.getValue();
        return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
    }

    static String keyText(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
    }

    /**
     * True when the tuple's value is an alias of a node defined earlier: the value node then sits before its
     * own key in the text. Editing it would edit the anchor and every other use of it.
     */
    boolean isAliasValue(NodeTuple t) {
        return start(t.getValueNode()) < end(t.getKeyNode());
    }
}
