package dev.upkeep.fleet;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * What the workspace text is made of, checked on the parser's event stream (flat: no recursion, nothing expanded)
 * before Jackson reads it, with a nesting limit the parser does not have. Jackson does not resolve YAML aliases: it would read {@code user: *admin} as the user
 * "admin" and {@code <<: *defaults} as an unknown key, so both are refused here with their line. A file with no
 * content (blank, or only comments) is refused too: reading it as an empty workspace would let the next save
 * replace whatever the user meant to be there.
 */
final class YamlShape {
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    /** A workspace nests about six levels deep. The parser's cost grows faster than the depth: stop early. */
    static final int MAX_NESTING = 64;

    private YamlShape() {
    }

    /** Throws for an alias, a merge key or no content; syntax errors are left to the reader, which locates them. */
    static void check(String text, Path file, int maxChars) throws WorkspaceException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxChars);
        Deque<boolean[]> open = new ArrayDeque<>(); // per open collection: {is a mapping, next node is a key}
        int rootNodes = 0;
        boolean nullRoot = false;
        try {
            for (Event e : new Yaml(options).parse(new StringReader(text))) {
                if (e instanceof NodeEvent) {
                    boolean key = !open.isEmpty() && open.peek()[0] && open.peek()[1];
                    if (!open.isEmpty() && open.peek()[0]) {
                        open.peek()[1] = !open.peek()[1];
                    }
                    if (open.isEmpty() && ++rootNodes == 1) { // the reader takes the first document only
                        nullRoot = e instanceof ScalarEvent s && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                                && NULLS.contains(s.getValue());
                    }
                    refuse(e, key, file);
                    if (e.is(Event.ID.MappingStart) || e.is(Event.ID.SequenceStart)) {
                        open.push(new boolean[]{e instanceof MappingStartEvent, true});
                        if (open.size() > MAX_NESTING) {
                            throw new WorkspaceException(file, e.getStartMark().getLine() + 1, "nested more than "
                                    + MAX_NESTING + " levels deep; a workspace needs about six");
                        }
                    }
                } else if (e instanceof CollectionEndEvent) {
                    open.pop();
                }
            }
        } catch (YAMLException e) {
            return; // Jackson reads the same text and reports the error at its line
        }
        if (rootNodes == 0 || nullRoot) {
            throw new WorkspaceException(file, 0, (text.isEmpty() ? "the file is empty (0 bytes)"
                    : "the file has no settings and no applications, only blank lines or comments")
                    + "; nothing was read and nothing will be written: fix it, or delete it to start an empty workspace");
        }
    }

    private static void refuse(Event e, boolean key, Path file) throws WorkspaceException {
        int line = e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1;
        if (e instanceof AliasEvent a) {
            throw new WorkspaceException(file, line, "alias *" + a.getAnchor() + ": the workspace does not use YAML"
                    + " aliases; write the value out");
        }
        if (key && e instanceof ScalarEvent s && "<<".equals(s.getValue()) && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
            throw new WorkspaceException(file, line, "merge key '<<': the workspace does not use YAML merge keys;"
                    + " write the keys out");
        }
    }
}
