package dev.upkeep.ssh;

import dev.upkeep.ssh.kex.AlgorithmChoice;
import dev.upkeep.ssh.kex.AlgorithmConfigException;
import dev.upkeep.ssh.kex.AlgorithmKind;
import dev.upkeep.ssh.kex.Algorithms;
import dev.upkeep.ssh.kex.NegotiationRecorder;
import dev.upkeep.ssh.kex.NoCommonAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens SSH connections the way OpenSSH would: ~/.ssh/config, ProxyJump chains (host keys checked at every
 * hop), keep-alive and timeouts, agent and key-file authentication, OpenSSH 10's algorithms (post-quantum key
 * exchange first) adjusted per host by the config's KexAlgorithms, Ciphers, MACs, HostKeyAlgorithms and
 * PubkeyAcceptedAlgorithms. One per application; thread-safe.
 */
public final class SshConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshConnector.class);

    private final SshOptions options;
    private final DefaultConfig config = new DefaultConfig();
    private final Algorithms algorithms;
    private final KnownHosts knownHosts;
    private final Passphrases passphrases;
    private final Authenticator authenticator;
    private final ExecutorService workers;
    private final Set<String> loggedWarnings = ConcurrentHashMap.newKeySet();

    public SshConnector(SshOptions options, PassphraseProvider passphraseProvider) {
        this.options = options;
        // The keep-alive thread only starts inside connect(), and only with this provider (see connectHop);
        // every per-host algorithm config copies it from here.
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        this.algorithms = new Algorithms(config);
        this.knownHosts = new KnownHosts(options.knownHosts(), List.of());
        this.passphrases = new Passphrases(passphraseProvider);
        this.authenticator = new Authenticator(options.agentSocket(), passphrases,
                Path.of(System.getProperty("user.home"), ".ssh"));
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ssh-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The trust store where {@link HostKeyUnknownException#key()} can be accepted. */
    public KnownHosts knownHosts() {
        return knownHosts;
    }

    /** What the config says about {@code request}'s host, with the request's overrides applied. */
    public HostSettings settingsFor(ConnectRequest request) {
        return settingsFor(loadConfig(), request);
    }

    private HostSettings settingsFor(OpenSshConfig sshConfig, ConnectRequest request) {
        HostSettings s = sshConfig.resolve(request.host());
        List<Path> ids = new ArrayList<>(s.identityFiles());
        if (request.identityFile() != null) {
            ids.add(0, request.identityFile());
        }
        return new HostSettings(s.alias(), s.hostName(),
                request.port() != null ? request.port() : s.port(),
                request.user() != null ? request.user() : s.user(),
                ids, s.identitiesOnly(), s.proxyJump(), s.knownHostsFiles(), s.connectTimeout(),
                s.serverAliveInterval(), s.serverAliveCountMax());
    }

    public SshConnection connect(ConnectRequest request) throws SshException {
        List<HostSettings> hops;
        List<AlgorithmChoice> choices = new ArrayList<>();
        try {
            OpenSshConfig sshConfig = loadConfig();
            hops = hops(sshConfig, request);
            for (HostSettings hop : hops) {
                choices.add(algorithms.choose(sshConfig.algorithms(hop.alias()), hop.alias(), this::warnOnce));
            }
        } catch (AlgorithmConfigException e) {
            throw new SshException(request.host(), e.getMessage(), e);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new SshException(request.host(), "SSH config " + options.sshConfig() + ": " + e.getMessage(), e);
        }
        HostSettings target = hops.get(hops.size() - 1);
        String server = label(request.host(), target);
        List<SSHClient> clients = new ArrayList<>();
        NegotiationRecorder negotiation = null;
        try {
            for (HostSettings hop : hops) {
                SSHClient previous = clients.isEmpty() ? null : clients.get(clients.size() - 1);
                String hopServer = hop == target ? server : server + " (jump host " + label(hop.alias(), hop) + ")";
                String via = previous == null ? null : hops.get(clients.size() - 1).hostName();
                AlgorithmChoice choice = choices.get(clients.size());
                negotiation = new NegotiationRecorder();
                SSHClient client = connectHop(hop, hopServer, previous, via, choice, negotiation);
                clients.add(client);
                authenticator.authenticate(client, hop, hopServer,
                        algorithms.keyAlgorithms(choice.get(AlgorithmKind.PUBKEY)));
            }
            return new SshConnection(server, clients, workers, negotiation);
        } catch (SshException e) {
            closeAll(clients);
            throw e;
        }
    }

    /** The jump hosts in order, then the target. A bad ProxyJump fails here rather than connecting directly. */
    private List<HostSettings> hops(OpenSshConfig sshConfig, ConnectRequest request) {
        HostSettings target = settingsFor(sshConfig, request);
        List<HostSettings> hops = new ArrayList<>();
        for (JumpHost jump : target.proxyJump()) {
            // A jump host's own settings come from the config too; its own ProxyJump is not followed.
            HostSettings j = sshConfig.resolve(jump.host());
            hops.add(new HostSettings(j.alias(), j.hostName(), jump.port() != null ? jump.port() : j.port(),
                    jump.user() != null ? jump.user() : j.user(), j.identityFiles(), j.identitiesOnly(), List.of(),
                    j.knownHostsFiles(), j.connectTimeout(), j.serverAliveInterval(), j.serverAliveCountMax()));
        }
        hops.add(target);
        return hops;
    }

    /** Read per connect, so edits to ~/.ssh/config count at once; each warning is logged once. */
    private OpenSshConfig loadConfig() {
        OpenSshConfig sshConfig = OpenSshConfig.load(options.sshConfig());
        sshConfig.warnings().forEach(this::warnOnce);
        return sshConfig;
    }

    private void warnOnce(String warning) {
        if (loggedWarnings.add(warning)) {
            LOG.warn("SSH config: {}", warning);
        }
    }

    private SSHClient connectHop(HostSettings hop, String server, SSHClient previous, String via,
                                 AlgorithmChoice choice, NegotiationRecorder negotiation) throws SshException {
        SSHClient client = new SSHClient(algorithms.config(choice));
        client.addAlgorithmsVerifier(negotiation);
        KnownHostsVerifier verifier = new KnownHostsVerifier(knownHosts.alsoReading(hop.knownHostsFiles()),
                server, hop.hostName(), hop.port());
        client.addHostKeyVerifier(verifier);
        Duration timeout = hop.connectTimeout() != null ? hop.connectTimeout() : options.connectTimeout();
        client.setConnectTimeout((int) timeout.toMillis());
        // Keep-alive must be configured before connect: the thread is started there or never.
        boolean fromConfig = !hop.serverAliveInterval().isZero();
        Duration interval = fromConfig ? hop.serverAliveInterval() : options.keepAliveInterval();
        if (!interval.isZero()) {
            client.getConnection().getKeepAlive().setKeepAliveInterval((int) Math.max(1, interval.toSeconds()));
            if (client.getConnection().getKeepAlive() instanceof KeepAliveRunner runner) {
                runner.setMaxAliveCount(fromConfig ? hop.serverAliveCountMax() : options.keepAliveCountMax());
            }
        }
        try {
            if (previous == null) {
                client.connect(hop.hostName(), hop.port());
            } else {
                DirectConnection tunnel = previous.newDirectConnection(hop.hostName(), hop.port());
                client.connectVia(tunnel, hop.hostName(), hop.port());
            }
            return client;
        } catch (IOException e) {
            closeQuietly(client);
            Optional<String> noCommon = verifier.failure() != null ? Optional.empty()
                    : NoCommonAlgorithm.explain(messages(e), hop.alias(), algorithms);
            if (noCommon.isPresent()) {
                throw new SshException(server, noCommon.get(), e);
            }
            throw ConnectFailures.translate(server, hop.hostName(), hop.port(), timeout, e, verifier, via);
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    static String label(String name, HostSettings s) {
        String address = s.hostName() + (s.port() == 22 ? "" : ":" + s.port());
        return name.equals(s.hostName()) && s.port() == 22 ? name : name + " (" + address + ")";
    }

    static void closeAll(List<SSHClient> clients) {
        for (int i = clients.size() - 1; i >= 0; i--) {
            closeQuietly(clients.get(i));
        }
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing SSH client: {}", e.toString());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        passphrases.close();
    }
}
