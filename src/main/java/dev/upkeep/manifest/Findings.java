package dev.upkeep.manifest;

import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems located at nodes while the validator walks the tree. */
final class Findings {
    private final YamlTree tree;
    private final List<Problem> problems = new ArrayList<>();

    Findings(YamlTree tree) {
        this.tree = tree;
    }

    void error(Node at, String path, String message) {
        add(Severity.ERROR, at, path, message);
    }

    void warning(Node at, String path, String message) {
        add(Severity.WARNING, at, path, message);
    }

    void add(Severity severity, Node at, String path, String message) {
        int offset = at == null ? 0 : tree.start(at);
        problems.add(new Problem(severity, tree.source.line(offset), tree.source.column(offset), message, path));
    }

    void add(Problem problem) {
        problems.add(problem);
    }

    List<Problem> sorted() {
        List<Problem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column)
                .thenComparing(Problem::severity));
        return List.copyOf(out);
    }
}
