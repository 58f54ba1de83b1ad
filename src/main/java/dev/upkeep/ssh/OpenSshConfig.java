package dev.upkeep.ssh;

import dev.upkeep.base.Patterns;
import dev.upkeep.ssh.kex.AlgorithmSpecs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's ~/.ssh/config, parsed once and resolved per alias like OpenSSH does: blocks whose Host patterns
 * match apply in file order, the first value of each keyword wins (IdentityFile accumulates), Include is
 * expanded in place, Match blocks are skipped with a warning.
 */
public final class OpenSshConfig {
    private final List<ConfigNode> nodes;
    private final List<String> warnings;
    private final String home;
    private final String localUser;

    private OpenSshConfig(List<ConfigNode> nodes, List<String> warnings, String home, String localUser) {
        this.nodes = nodes;
        this.warnings = List.copyOf(warnings);
        this.home = home;
        this.localUser = localUser;
    }

    /** Loads {@code file}; a missing file is an empty config. Relative Includes resolve against ~/.ssh. */
    public static OpenSshConfig load(Path file) {
        String home = System.getProperty("user.home");
        return load(file, Path.of(home, ".ssh"), home, System.getProperty("user.name"));
    }

    static OpenSshConfig load(Path file, Path sshDir, String home, String localUser) {
        List<String> warnings = new ArrayList<>();
        List<ConfigNode> nodes = List.of();
        if (file != null && Files.isRegularFile(file)) {
            try {
                nodes = new ConfigParser(sshDir, home, warnings).parse(file, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read SSH config " + file + ": " + e.getMessage(), e);
            }
        }
        return new OpenSshConfig(nodes, warnings, home, localUser);
    }

    public static OpenSshConfig empty() {
        return new OpenSshConfig(List.of(), List.of(), System.getProperty("user.home"), System.getProperty("user.name"));
    }

    /** Things the parser skipped or could not understand, with file and line. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Every pattern of a {@code Host} line except negations, in file order with the included files in place, each once
     * (where it first appears). The concrete ones (no {@code *} or {@code ?}) are the names {@code ssh NAME} is meant
     * for; wildcard patterns only add settings to others.
     */
    public List<ConfiguredHost> hostEntries() {
        Map<String, ConfiguredHost> found = new LinkedHashMap<>();
        collectAliases(nodes, found);
        return List.copyOf(found.values());
    }

    private static void collectAliases(List<ConfigNode> list, Map<String, ConfiguredHost> found) {
        for (ConfigNode node : list) {
            if (node instanceof ConfigNode.HostLine host) {
                for (String p : host.patterns()) {
                    if (!p.isEmpty() && !p.startsWith("!")) {
                        found.putIfAbsent(p, new ConfiguredHost(p, host.where(), ConfiguredHost.isConcrete(p)));
                    }
                }
            } else if (node instanceof ConfigNode.Include include) {
                include.files().forEach(file -> collectAliases(file, found));
            }
        }
    }

    /** Settings for {@code alias} as OpenSSH would use them ({@code ssh -G alias}). */
    public HostSettings resolve(String alias) {
        SettingsCollector collector = new SettingsCollector(alias, home, localUser);
        walk(nodes, alias, true, false, collector);
        return collector.build();
    }

    /**
     * KexAlgorithms, Ciphers, MACs, HostKeyAlgorithms and PubkeyAcceptedAlgorithms for {@code alias}, as written
     * (OpenSSH's +/-/^ syntax is applied later, against Upkeep's defaults).
     */
    public AlgorithmSpecs algorithms(String alias) {
        SettingsCollector collector = new SettingsCollector(alias, home, localUser);
        walk(nodes, alias, true, false, collector);
        return collector.algorithmSpecs();
    }

    /**
     * Applies options of active blocks. Include files inherit the active state, may change it with their own
     * Host lines (unless the Include itself sat in an inactive block), and the state is restored afterwards.
     */
    private static boolean walk(List<ConfigNode> list, String alias, boolean active, boolean neverMatch,
                                SettingsCollector collector) {
        for (ConfigNode node : list) {
            if (node instanceof ConfigNode.HostLine host) {
                active = !neverMatch && Patterns.matchesList(alias, host.patterns(), false);
            } else if (node instanceof ConfigNode.MatchLine) {
                active = false;
            } else if (node instanceof ConfigNode.Option option) {
                if (active) {
                    collector.apply(option);
                }
            } else if (node instanceof ConfigNode.Include include) {
                boolean inner = active;
                for (List<ConfigNode> file : include.files()) {
                    inner = walk(file, alias, inner, neverMatch || !active, collector);
                }
            }
        }
        return active;
    }
}
