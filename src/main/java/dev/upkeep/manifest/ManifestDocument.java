package dev.upkeep.manifest;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Manifest.yml as its exact original text plus the parser's positions. Reading goes through the parsed nodes;
 * every edit patches the original text at the edited value's characters and returns a new document, so the rest
 * of the file (comments, blank lines, order, quoting, indentation, line breaks, BOM) stays byte for byte.
 * <p>
 * A document whose text does not parse is still a document: its {@link #syntaxProblems()} say why, reads return
 * nothing and edits throw {@link IllegalStateException}.
 */
public final class ManifestDocument {
    private final String fileName;
    private final YamlTree tree;

    private ManifestDocument(String fileName, YamlTree tree) {
        this.fileName = fileName;
        this.tree = tree;
    }

    public static ManifestDocument parse(String text, String fileNameForMessages) {
        Objects.requireNonNull(text, "text");
        return new ManifestDocument(fileNameForMessages == null ? "Manifest.yml" : fileNameForMessages, YamlTree.parse(text));
    }

    public String text() {
        return tree.source.text();
    }

    public String fileName() {
        return fileName;
    }

    /** True when the text parsed as YAML (semantic problems come from {@link ManifestValidator}). */
    public boolean isParsed() {
        return tree.parsed();
    }

    /** Syntax-level problems: unreadable YAML, tabs, binary content, size. */
    public List<Problem> syntaxProblems() {
        return tree.problems;
    }

    YamlTree tree() {
        return tree;
    }

    // --- structure ----------------------------------------------------------------------------------------

    /** True when the first level names environments rather than component types. */
    public boolean hasEnvironmentRoot() {
        if (!(tree.root instanceof MappingNode m) || !tree.parsed()) {
            return false;
        }
        boolean anyEnvironment = false;
        for (NodeTuple t : m.getValue()) {
            String key = YamlTree.keyText(t);
            if (ManifestFormat.COMPONENT_TYPES.contains(key)) {
                return false;
            }
            anyEnvironment |= key != null && !ManifestFormat.OTHER_TOP_KEYS.contains(key) && !"<<".equals(key)
                    && (t.getValueNode() instanceof MappingNode || YamlTree.isNull(t.getValueNode()));
        }
        return anyEnvironment;
    }

    /** Environment names in file order; empty when the settings apply to every environment. */
    public List<String> environments() {
        List<String> out = new ArrayList<>();
        if (hasEnvironmentRoot()) {
            for (NodeTuple t : ((MappingNode) tree.root).getValue()) {
                String key = YamlTree.keyText(t);
                if (key != null && !ManifestFormat.OTHER_TOP_KEYS.contains(key) && !"<<".equals(key)) {
                    out.add(key);
                }
            }
        }
        return out;
    }

    /**
     * The scopes that hold component types for {@code environment}. Without an environment level the root applies
     * to every environment. With one, {@code null} means "all environments".
     */
    List<ServerReader.Scope> scopes(String environment) {
        List<ServerReader.Scope> out = new ArrayList<>();
        if (!tree.parsed() || !(tree.root instanceof MappingNode)) {
            return out;
        }
        if (!hasEnvironmentRoot()) {
            out.add(new ServerReader.Scope(null, tree.root, ""));
            return out;
        }
        for (String env : environments()) {
            if (environment == null || environment.equals(env)) {
                out.add(new ServerReader.Scope(env, YamlTree.value(tree.root, env), env + "."));
            }
        }
        return out;
    }

    // --- typed reads ----------------------------------------------------------------------------------------

    /**
     * {@code docker.configuration.docker_version}, or the older {@code version}. With environments and a null
     * argument, the value is returned only when the file has exactly one environment.
     */
    public Optional<String> dockerVersion(String environment) {
        return get(dockerVersionPath(environment));
    }

    public Optional<String> weaveVersion(String environment) {
        return get(weaveVersionPath(environment));
    }

    /** The path a form should edit for the Docker version: the key the file already uses, else {@code docker_version}. */
    public String dockerVersionPath(String environment) {
        String base = configurationPath(environment);
        return get(base + ".docker_version").isEmpty() && get(base + ".version").isPresent()
                ? base + ".version" : base + ".docker_version";
    }

    public String weaveVersionPath(String environment) {
        return configurationPath(environment) + ".weave_version";
    }

    private String configurationPath(String environment) {
        List<String> envs = environments();
        String env = environment;
        if (envs.isEmpty()) {
            env = null;
        } else if (env == null && envs.size() == 1) {
            env = envs.get(0);
        } else if (env == null) {
            env = "\0"; // ambiguous: a path that never matches
        }
        return (env == null ? "" : env + ".") + "docker.configuration";
    }

    public List<ManifestServer> servers(String environment) {
        ServerReader reader = new ServerReader(tree);
        List<ManifestServer> out = new ArrayList<>();
        scopes(environment).forEach(s -> out.addAll(reader.read(s)));
        return out;
    }

    public Optional<ManifestServer> server(String environment, String uniqueName) {
        return servers(environment).stream().filter(s -> uniqueName.equals(s.uniqueName())).findFirst();
    }

    // --- generic access -------------------------------------------------------------------------------------

    /** The scalar at a dotted path ({@code production.docker.configuration.docker_version}; list items by index). */
    public Optional<String> get(String dottedPath) {
        return Optional.ofNullable(YamlTree.scalar(node(dottedPath)));
    }

    /** The exact source text of the node at a path (a mapping or list as written), if it exists and is not null. */
    public Optional<String> sourceText(String dottedPath) {
        Node node = node(dottedPath);
        if (node == null || YamlTree.isNull(node)) {
            return Optional.empty();
        }
        TextEdits edits = new TextEdits(tree);
        return Optional.of(text().substring(tree.start(node), edits.trimEnd(tree.start(node), edits.contentEnd(node))));
    }

    Node node(String dottedPath) {
        Node current = tree.parsed() ? tree.root : null;
        for (String seg : split(dottedPath)) {
            if (current instanceof MappingNode) {
                current = YamlTree.value(current, seg);
            } else if (current instanceof SequenceNode s && seg.matches("[0-9]{1,6}")
                    && Integer.parseInt(seg) < s.getValue().size()) {
                current = s.getValue().get(Integer.parseInt(seg));
            } else {
                return null;
            }
        }
        return current;
    }

    /**
     * A new document with the scalar at {@code dottedPath} set to {@code value}: only that value's characters
     * change (quoting style kept, quoted if plain would change its meaning); a missing key is created with the
     * file's indentation and line break. This document is unchanged.
     *
     * @throws IllegalArgumentException if the path cannot hold a value (a list, an alias, a scalar in the way)
     * @throws IllegalStateException    if the text does not parse
     */
    public ManifestDocument set(String dottedPath, String value) {
        Objects.requireNonNull(value, "value");
        List<String> parts = split(dottedPath);
        if (hasEnvironmentRoot() && node(parts.get(0)) == null && ManifestFormat.COMPONENT_TYPES.contains(parts.get(0))) {
            // a component at the root of a file with environments would silently turn them into unknown components
            throw new IllegalArgumentException("this manifest has environments (" + String.join(", ", environments())
                    + "); start the path with one of them");
        }
        String newText = new TextEdits(tree).set(split(dottedPath), value);
        ManifestDocument result = withText(newText);
        if (!result.get(dottedPath).map(value::equals).orElse(false) && !value.isEmpty()) {
            throw new IllegalStateException("edit of " + dottedPath + " did not read back as the value given");
        }
        return result;
    }

    public ManifestDocument withText(String newText) {
        return parse(newText, fileName);
    }

    static List<String> split(String dottedPath) {
        if (dottedPath == null || dottedPath.isBlank()) {
            throw new IllegalArgumentException("empty path");
        }
        List<String> parts = Arrays.asList(dottedPath.split("\\.", -1));
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("path has an empty part: " + dottedPath);
        }
        return parts;
    }

    // --- server edits (for the form) ------------------------------------------------------------------------

    /** Renames a server and every {@code same_as} that points at it. */
    public ManifestDocument renameServer(String environment, String oldName, String newName) {
        ManifestServer server = requireServer(environment, oldName);
        ManifestDocument result = set(server.path() + ".unique_name", newName);
        for (ManifestServer s : result.servers(null)) {
            if (oldName.equals(s.sameAs())) {
                result = result.set(s.path() + ".same_as", newName);
            }
        }
        return result;
    }

    /** Sets the {@code address} of a registered server (created beside {@code unique_name} if missing). */
    public ManifestDocument setServerAddress(String environment, String name, String address) {
        return set(requireServer(environment, name).path() + ".address", address);
    }

    public ManifestDocument removeServer(String environment, String name) {
        return withText(new ServerEdits(this).remove(requireServer(environment, name)));
    }

    /** Appends {@code - server: {unique_name, address}} to a component's existing block {@code servers:} list. */
    public ManifestDocument addServer(String environment, String componentType, String uniqueName, String address) {
        if (server(null, uniqueName).isPresent()) {
            throw new IllegalArgumentException("a server named " + uniqueName + " already exists");
        }
        return withText(new ServerEdits(this).add(environment, componentType, uniqueName, address));
    }

    private ManifestServer requireServer(String environment, String name) {
        return server(environment, name).orElseThrow(() -> new IllegalArgumentException("no server named " + name));
    }

    @Override
    public String toString() {
        return "ManifestDocument[" + fileName + ", " + text().length() + " chars]";
    }
}
