package dev.upkeep.ssh.kex;

import com.hierynomus.sshj.key.KeyAlgorithm;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.ConfigImpl;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.transport.Transport;
import net.schmizz.sshj.transport.cipher.Cipher;
import net.schmizz.sshj.transport.kex.KeyExchange;
import net.schmizz.sshj.transport.mac.MAC;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every algorithm this build can speak (sshj's own, legacy ones included, plus the post-quantum key exchanges),
 * Upkeep's defaults, and the sshj {@link Config} that offers one host's choice. The factories are looked up once;
 * a config per distinct choice is built once and shared, like sshj's own DefaultConfig would be.
 */
public final class Algorithms {
    /** sshj's marker that asks for the server's extensions (server-sig-algs); always offered, last. */
    private static final String EXT_INFO = "ext-info-c";

    private final DefaultConfig base;
    private final Map<String, Factory.Named<KeyExchange>> kex = new LinkedHashMap<>();
    private final Map<String, Factory.Named<Cipher>> ciphers = new LinkedHashMap<>();
    private final Map<String, Factory.Named<MAC>> macs = new LinkedHashMap<>();
    private final Map<String, Factory.Named<KeyAlgorithm>> keys = new LinkedHashMap<>();
    private final Factory.Named<KeyExchange> extInfo;
    private final AlgorithmChoice defaultChoice;
    private final Map<AlgorithmChoice, Config> configs = new ConcurrentHashMap<>();

    /**
     * @param base supplies everything but the algorithm lists (keep-alive provider, random source, key file
     *             formats, version string); its ciphers are those this JVM could initialise
     */
    public Algorithms(DefaultConfig base) {
        this(base, transport -> KexWork.NONE);
    }

    /** @param workOf where each connection's key exchange reports the time it spends computing (by its transport) */
    public Algorithms(DefaultConfig base, Function<Transport, KexWork> workOf) {
        this.base = base;
        PostQuantumKex.factories().forEach(f -> kex.put(f.getName(), TimedKex.factory(f, workOf)));
        Factory.Named<KeyExchange> marker = null;
        for (Factory.Named<KeyExchange> f : base.getKeyExchangeFactories()) {
            if (f.getName().equals(EXT_INFO)) {
                marker = f;
            } else if (!kex.containsKey(f.getName())) {
                kex.put(f.getName(), TimedKex.factory(f, workOf));
            }
        }
        this.extInfo = marker;
        base.getCipherFactories().forEach(f -> ciphers.putIfAbsent(f.getName(), f));
        base.getMACFactories().forEach(f -> macs.putIfAbsent(f.getName(), f));
        base.getKeyAlgorithms().forEach(f -> keys.putIfAbsent(f.getName(), f));
        Map<AlgorithmKind, List<String>> lists = new EnumMap<>(AlgorithmKind.class);
        for (AlgorithmKind kind : AlgorithmKind.values()) {
            lists.put(kind, Defaults.of(kind).stream().filter(supported(kind)::contains).toList());
        }
        this.defaultChoice = new AlgorithmChoice(lists);
    }

    /** Upkeep's default list of this kind, most preferred first. */
    public List<String> defaults(AlgorithmKind kind) {
        return defaultChoice.get(kind);
    }

    /** Everything of this kind Upkeep can offer when asked to: the defaults first, then the rest (legacy). */
    public List<String> supported(AlgorithmKind kind) {
        List<String> names = new ArrayList<>(Defaults.of(kind).stream().filter(names(kind)::contains).toList());
        names(kind).stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    private List<String> names(AlgorithmKind kind) {
        return List.copyOf(switch (kind) {
            case KEX -> kex.keySet();
            case CIPHER -> ciphers.keySet();
            case MAC -> macs.keySet();
            case HOST_KEY, PUBKEY -> keys.keySet();
        });
    }

    public AlgorithmChoice defaultChoice() {
        return defaultChoice;
    }

    /**
     * Applies one host's options to the defaults.
     *
     * @param warn told of each name that selects nothing Upkeep supports ("file:line: Keyword: 'name' ... ignored")
     * @throws AlgorithmConfigException when an option leaves a list empty
     */
    public AlgorithmChoice choose(AlgorithmSpecs specs, String host, Consumer<String> warn) {
        if (specs.equals(AlgorithmSpecs.DEFAULTS)) {
            return defaultChoice;
        }
        Map<AlgorithmKind, List<String>> lists = new EnumMap<>(AlgorithmKind.class);
        for (AlgorithmKind kind : AlgorithmKind.values()) {
            AlgorithmSpec spec = specs.get(kind).orElse(null);
            if (spec == null) {
                lists.put(kind, defaults(kind));
                continue;
            }
            List<String> list = AlgorithmList.assemble(spec.value(), defaults(kind), supported(kind),
                    text -> warn.accept(spec.where() + ": " + kind.keyword() + ": " + text + " ignored"));
            if (list.isEmpty()) {
                throw new AlgorithmConfigException(spec.where() + ": " + kind.keyword() + " " + spec.value()
                        + " leaves no " + kind.noun() + " that Upkeep supports for " + host);
            }
            lists.put(kind, list);
        }
        return new AlgorithmChoice(lists);
    }

    /** The sshj configuration that offers exactly this choice (shared; do not modify it). */
    public Config config(AlgorithmChoice choice) {
        return configs.computeIfAbsent(choice, this::build);
    }

    /** Signature algorithms by name, in the given order, for public-key authentication. */
    public List<Factory.Named<KeyAlgorithm>> keyAlgorithms(List<String> names) {
        return pick(names, keys);
    }

    private Config build(AlgorithmChoice choice) {
        ConfigImpl c = new ConfigImpl();
        c.setLoggerFactory(base.getLoggerFactory());
        c.setVersion(base.getVersion());
        c.setRandomFactory(base.getRandomFactory());
        c.setKeepAliveProvider(base.getKeepAliveProvider());
        c.setFileKeyProviderFactories(base.getFileKeyProviderFactories());
        c.setCompressionFactories(base.getCompressionFactories());
        c.setWaitForServerIdentBeforeSendingClientIdent(base.isWaitForServerIdentBeforeSendingClientIdent());
        c.setVerifyHostKeyCertificates(base.isVerifyHostKeyCertificates());
        c.setMaxCircularBufferSize(base.getMaxCircularBufferSize());
        List<Factory.Named<KeyExchange>> kexList = new ArrayList<>(pick(choice.get(AlgorithmKind.KEX), kex));
        if (extInfo != null) {
            kexList.add(extInfo);
        }
        c.setKeyExchangeFactories(kexList);
        c.setCipherFactories(pick(choice.get(AlgorithmKind.CIPHER), ciphers));
        c.setMACFactories(pick(choice.get(AlgorithmKind.MAC), macs));
        // sshj offers these as host key algorithms; user-key signatures follow PUBKEY (see the auth methods).
        c.setKeyAlgorithms(pick(choice.get(AlgorithmKind.HOST_KEY), keys));
        return c;
    }

    private static <T> List<Factory.Named<T>> pick(List<String> names, Map<String, Factory.Named<T>> all) {
        List<Factory.Named<T>> picked = new ArrayList<>();
        for (String name : names) {
            Factory.Named<T> f = all.get(name);
            if (f != null) {
                picked.add(f);
            }
        }
        return picked;
    }
}
