package dev.upkeep.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads an ssh_config file (and what it includes) into {@link ConfigNode}s, collecting warnings. */
final class ConfigParser {
    /** OpenSSH's READCONF_MAX_DEPTH: guards against Include loops. */
    private static final int MAX_DEPTH = 16;

    private final Path sshDir;
    private final String home;
    private final List<String> warnings;

    ConfigParser(Path sshDir, String home, List<String> warnings) {
        this.sshDir = sshDir;
        this.home = home;
        this.warnings = warnings;
    }

    List<ConfigNode> parse(Path file, int depth) throws IOException {
        List<ConfigNode> nodes = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String where = file + ":" + (i + 1);
            List<String> tokens;
            try {
                tokens = ConfigTokenizer.split(lines.get(i));
            } catch (IllegalArgumentException e) {
                warnings.add(where + ": " + e.getMessage() + ", line ignored");
                continue;
            }
            if (tokens.isEmpty()) {
                continue;
            }
            String key = tokens.get(0).toLowerCase(Locale.ROOT);
            List<String> args = tokens.subList(1, tokens.size());
            switch (key) {
                case "host" -> {
                    if (args.isEmpty()) {
                        warnings.add(where + ": Host without patterns, line ignored");
                    } else {
                        nodes.add(new ConfigNode.HostLine(List.copyOf(args), where));
                    }
                }
                case "match" -> {
                    warnings.add(where + ": Match blocks are not supported; this block is ignored");
                    nodes.add(new ConfigNode.MatchLine());
                }
                case "include" -> nodes.add(include(args, where, depth));
                default -> nodes.add(new ConfigNode.Option(key, List.copyOf(args), where, ConfigTokenizer.rest(lines.get(i))));
            }
        }
        return nodes;
    }

    private ConfigNode include(List<String> patterns, String where, int depth) throws IOException {
        List<List<ConfigNode>> files = new ArrayList<>();
        if (depth >= MAX_DEPTH) {
            warnings.add(where + ": Include nested too deeply, ignored");
            return new ConfigNode.Include(files);
        }
        for (String pattern : patterns) {
            String expanded = Tokens.tilde(pattern, home);
            // Relative includes of the user's config are relative to ~/.ssh, as in OpenSSH.
            Path base = Path.of(expanded).isAbsolute() ? Path.of(expanded) : sshDir.resolve(expanded);
            for (Path f : IncludeGlob.expand(base)) {
                if (Files.isRegularFile(f)) {
                    files.add(parse(f, depth + 1));
                }
            }
        }
        return new ConfigNode.Include(files);
    }
}
