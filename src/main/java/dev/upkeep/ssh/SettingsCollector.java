package dev.upkeep.ssh;

import dev.upkeep.ssh.kex.AlgorithmKind;
import dev.upkeep.ssh.kex.AlgorithmSpec;
import dev.upkeep.ssh.kex.AlgorithmSpecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects option values for one alias with OpenSSH's "first obtained value wins" rule, then builds settings. */
final class SettingsCollector {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsCollector.class);

    private final String alias;
    private final String home;
    private final String localUser;
    private final Map<String, List<String>> first = new HashMap<>();
    private final Map<String, String> where = new HashMap<>();
    private final List<String> identityFiles = new ArrayList<>();
    private String proxyCommand;
    private final Map<AlgorithmKind, AlgorithmSpec> algorithms = new EnumMap<>(AlgorithmKind.class);

    SettingsCollector(String alias, String home, String localUser) {
        this.alias = alias;
        this.home = home;
        this.localUser = localUser;
    }

    void apply(ConfigNode.Option option) {
        if (option.args().isEmpty()) {
            LOG.warn("{}: {} without a value, ignored", option.where(), option.key());
            return;
        }
        if (option.key().equals("identityfile")) {
            identityFiles.add(option.args().get(0));
            return;
        }
        AlgorithmKind kind = algorithmKind(option.key());
        if (kind != null) {
            if (option.args().size() > 1) {
                LOG.warn("{}: {} takes one comma-separated list; only '{}' is used", option.where(), option.key(),
                        option.args().get(0));
            }
            algorithms.putIfAbsent(kind, new AlgorithmSpec(option.args().get(0), option.where()));
            return;
        }
        boolean proxy = option.key().equals("proxycommand") || option.key().equals("proxyjump");
        if (proxy && (first.containsKey("proxycommand") || first.containsKey("proxyjump"))) {
            return; // OpenSSH: whichever of the two comes first wins, even as "none"; the other is ignored
        }
        if (first.putIfAbsent(option.key(), option.args()) == null) {
            where.put(option.key(), option.where());
            if (option.key().equals("proxycommand")) {
                proxyCommand = option.raw(); // the whole rest of the line, quotes and all, as OpenSSH keeps it
            }
        }
    }

    /** KexAlgorithms, Ciphers, MACs, HostKeyAlgorithms, PubkeyAcceptedAlgorithms: first value of each, with where. */
    AlgorithmSpecs algorithmSpecs() {
        return algorithms.isEmpty() ? AlgorithmSpecs.DEFAULTS : new AlgorithmSpecs(algorithms);
    }

    private static AlgorithmKind algorithmKind(String key) {
        return switch (key) {
            case "kexalgorithms" -> AlgorithmKind.KEX;
            case "ciphers" -> AlgorithmKind.CIPHER;
            case "macs" -> AlgorithmKind.MAC;
            case "hostkeyalgorithms" -> AlgorithmKind.HOST_KEY;
            // PubkeyAcceptedKeyTypes is the name OpenSSH used before 8.5 and still accepts.
            case "pubkeyacceptedalgorithms", "pubkeyacceptedkeytypes" -> AlgorithmKind.PUBKEY;
            default -> null;
        };
    }

    HostSettings build() {
        String lowerAlias = alias.toLowerCase(Locale.ROOT);
        String hostName = Tokens.percent(one("hostname", "%h"), Map.of('h', lowerAlias));
        int port = integer("port", 22);
        String user = one("user", localUser);
        Map<Character, String> tokens = Map.of(
                'h', hostName, 'n', alias, 'p', Integer.toString(port), 'r', user,
                'u', localUser, 'd', home);
        List<Path> ids = new ArrayList<>();
        for (String id : identityFiles) {
            ids.add(Path.of(Tokens.percent(Tokens.tilde(id, home), tokens)));
        }
        List<Path> knownHosts = new ArrayList<>();
        for (String kh : first.getOrDefault("userknownhostsfile", List.of("~/.ssh/known_hosts", "~/.ssh/known_hosts2"))) {
            knownHosts.add(Path.of(Tokens.percent(Tokens.tilde(kh, home), tokens)));
        }
        if (yesNo("proxyusefdpass")) {
            throw new IllegalArgumentException(where.get("proxyusefdpass") + ": ProxyUseFdpass yes is not supported"
                    + " (Upkeep speaks SSH over the ProxyCommand's standard input and output); remove it or set it to no");
        }
        String hostKeyAlias = one("hostkeyalias", null);
        return new HostSettings(alias, hostName, port, user, ids, yesNo("identitiesonly"), jumps(),
                knownHosts, connectTimeout(), Duration.ofSeconds(integer("serveraliveinterval", 0)),
                integer("serveralivecountmax", 3),
                hostKeyAlias == null ? null : hostKeyAlias.toLowerCase(Locale.ROOT), // ssh lower-cases it too
                yesNo("hashknownhosts"),
                proxyCommand == null || proxyCommand.equalsIgnoreCase("none") ? null : proxyCommand);
    }

    private List<JumpHost> jumps() {
        String value = one("proxyjump", "none");
        List<JumpHost> hops = new ArrayList<>();
        if (!value.equalsIgnoreCase("none")) {
            for (String hop : value.split(",")) {
                hops.add(JumpHost.parse(hop));
            }
        }
        return hops;
    }

    private Duration connectTimeout() {
        String v = one("connecttimeout", "none");
        if (v.equalsIgnoreCase("none")) {
            return null;
        }
        int seconds = integer("connecttimeout", 0);
        return seconds > 0 ? Duration.ofSeconds(seconds) : null;
    }

    private String one(String key, String dflt) {
        List<String> v = first.get(key);
        return v == null ? dflt : v.get(0);
    }

    private boolean yesNo(String key) {
        String v = one(key, "no");
        return v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true");
    }

    private int integer(String key, int dflt) {
        String v = one(key, null);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            LOG.warn("{} '{}' is not a number; using {}", key, v, dflt);
            return dflt;
        }
    }
}
