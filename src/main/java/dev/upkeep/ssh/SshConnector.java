package dev.upkeep.ssh;

import dev.upkeep.base.Threads;
import dev.upkeep.ssh.kex.AlgorithmChoice;
import dev.upkeep.ssh.kex.AlgorithmConfigException;
import dev.upkeep.ssh.kex.AlgorithmKind;
import dev.upkeep.ssh.kex.Algorithms;
import dev.upkeep.ssh.kex.KexWork;
import dev.upkeep.ssh.kex.NegotiationRecorder;
import dev.upkeep.ssh.kex.NoCommonAlgorithm;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens SSH connections the way OpenSSH would: ~/.ssh/config, ProxyJump chains and ProxyCommand (host keys checked
 * at every hop, under the HostKeyAlias when set), keep-alive, a connect timeout that bounds each hop's TCP connect,
 * banner, key exchange and authentication, agent and key-file authentication, OpenSSH 10's algorithms (post-quantum
 * key exchange first) adjusted per host by the config's KexAlgorithms, Ciphers, MACs, HostKeyAlgorithms and
 * PubkeyAcceptedAlgorithms. One per application; thread-safe.
 */
public final class SshConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshConnector.class);
    /** Where a cold refresh spends its time (bench/where-time-goes reads it); off unless asked for. */
    private static final Logger TIMING = LoggerFactory.getLogger("dev.upkeep.timing");
    /** More jump hosts in front of jump hosts than this is a ProxyJump loop. */
    static final int MAX_JUMP_DEPTH = 8;

    private final SshOptions options;
    private final DefaultConfig config = new DefaultConfig();
    private final Algorithms algorithms;
    private final KnownHosts knownHosts;
    private final Passphrases passphrases;
    private final Authenticator authenticator;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final KeepAlives keepAlives;
    private final UncountedTime humans = new UncountedTime();
    /** Each connect in progress: the time its key exchange spends computing, by its sshj transport. */
    private final Map<Transport, UncountedTime> computing = new ConcurrentHashMap<>();
    private final Set<String> loggedWarnings = ConcurrentHashMap.newKeySet();

    public SshConnector(SshOptions options, PassphraseProvider passphraseProvider) {
        this.options = options;
        // sshj's keep-alive is a thread per connection, started at connect when its interval is not zero; it stays
        // at zero (disabled) and the shared scheduler (keepAlives) does that work.
        config.setLoggerFactory(GuardedSession.SSHJ_LOG_NAMES);
        this.algorithms = new Algorithms(config, this::kexWorkOf);
        this.knownHosts = new KnownHosts(options.knownHosts(), List.of());
        this.passphrases = new Passphrases(humans.counting(passphraseProvider));
        this.authenticator = new Authenticator(options.agentSocket(), passphrases,
                Path.of(System.getProperty("user.home"), ".ssh"));
        this.workers = Executors.newCachedThreadPool(Threads.named("ssh-io"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Threads.single("ssh-timer"));
        timer.setRemoveOnCancelPolicy(true); // a closed connection's keep-alive leaves the queue at once
        this.timers = timer;
        this.keepAlives = new KeepAlives(timers, workers);
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
                s.serverAliveInterval(), s.serverAliveCountMax(), s.hostKeyAlias(), s.hashKnownHosts(), s.proxyCommand());
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
                clients.add(connectHop(hop, hopServer, previous, via, choice, negotiation));
            }
        } catch (SshException e) {
            closeAll(clients);
            throw e;
        }
        List<KeepAliveBeat> beats = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            keepAlives.start(clients.get(i), hops.get(i), options).ifPresent(beats::add);
        }
        return new SshConnection(server, clients, workers, timers, negotiation, beats);
    }

    /** The shared keep-alive scheduler (tests look at what it holds). */
    KeepAlives keepAlives() {
        return keepAlives;
    }

    /**
     * The jump hosts in order, then the target. A bad ProxyJump or ProxyCommand fails here rather than connecting
     * directly. Like {@code ssh -J}, the first jump host's own ProxyJump or ProxyCommand is followed (so a bastion
     * in front of the jump host is never skipped); later hops are reached through the hop before them.
     */
    private List<HostSettings> hops(OpenSshConfig sshConfig, ConnectRequest request) {
        HostSettings target = settingsFor(sshConfig, request);
        if (target.proxyCommand() != null) {
            ProxyCommand.expand(target.proxyCommand(), target); // refuse bad tokens before anything starts
        }
        List<HostSettings> hops = new ArrayList<>();
        addJumps(sshConfig, target.proxyJump(), hops, 0);
        hops.add(target);
        hops.forEach(HostSettings::hostKeyName); // a HostKeyAlias that cannot be a known_hosts name fails here
        return hops;
    }

    private void addJumps(OpenSshConfig sshConfig, List<JumpHost> jumps, List<HostSettings> hops, int depth) {
        for (int i = 0; i < jumps.size(); i++) {
            JumpHost jump = jumps.get(i);
            HostSettings j = sshConfig.resolve(jump.host());
            boolean first = i == 0;
            if (first && !j.proxyJump().isEmpty()) {
                if (depth >= MAX_JUMP_DEPTH) {
                    throw new IllegalArgumentException("ProxyJump of " + jump.host() + " leads to more than "
                            + MAX_JUMP_DEPTH + " jump hosts (a loop? give the jump host 'ProxyJump none')");
                }
                addJumps(sshConfig, j.proxyJump(), hops, depth + 1);
            }
            String proxyCommand = first && hops.isEmpty() ? j.proxyCommand() : null;
            HostSettings hop = new HostSettings(j.alias(), j.hostName(), jump.port() != null ? jump.port() : j.port(),
                    jump.user() != null ? jump.user() : j.user(), j.identityFiles(), j.identitiesOnly(), List.of(),
                    j.knownHostsFiles(), j.connectTimeout(), j.serverAliveInterval(), j.serverAliveCountMax(),
                    j.hostKeyAlias(), j.hashKnownHosts(), proxyCommand);
            if (proxyCommand != null) {
                ProxyCommand.expand(proxyCommand, hop);
            }
            hops.add(hop);
        }
    }

    /** A re-key of an open connection is not timed. */
    private KexWork kexWorkOf(Transport transport) {
        KexWork work = computing.get(transport);
        return work != null ? work : KexWork.NONE;
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

    /** Connects and authenticates one hop, all of it within the hop's connect timeout. */
    private SSHClient connectHop(HostSettings hop, String server, SSHClient previous, String via,
                                 AlgorithmChoice choice, NegotiationRecorder negotiation) throws SshException {
        SSHClient client = new SSHClient(algorithms.config(choice));
        client.addAlgorithmsVerifier(negotiation);
        TransportDeath death = new TransportDeath();
        client.getTransport().setDisconnectListener(death);
        KnownHostsVerifier verifier = new KnownHostsVerifier(knownHosts.alsoReading(hop.knownHostsFiles()),
                server, hop.hostName(), hop.port(), hop.hostKeyName());
        client.addHostKeyVerifier(verifier);
        Duration timeout = hop.connectTimeout() != null ? hop.connectTimeout() : options.connectTimeout();
        client.setConnectTimeout((int) timeout.toMillis());
        // The watch below is the connect's bound, and it leaves out our own key-exchange computation (slow on a
        // loaded machine or a fresh JVM). sshj's own timeout (30 s) counts that time too, so while connecting it must
        // not end the connection first; afterwards it bounds re-keying and requests as usual.
        int afterConnect = (int) Math.max(timeout.toMillis(), client.getTransport().getTimeoutMs());
        client.getTransport().setTimeoutMs((int) Duration.ofHours(1).toMillis());
        String where = hop.hostName() + ":" + hop.port() + (via == null ? "" : " via " + via);
        AtomicReference<Runnable> closeStream = new AtomicReference<>(() -> { });
        UncountedTime kexWork = new UncountedTime();
        computing.put(client.getTransport(), kexWork);
        ConnectWatch watch = new ConnectWatch(timers, timeout, humans, kexWork, coarse -> phaseOf(client, coarse), () -> {
            closeStream.get().run();
            closeQuietly(client.getSocket());
        }).start();
        ProxyCommandSocket proxy = null;
        long started = System.nanoTime();
        try {
            if (hop.proxyCommand() != null) {
                String command = ProxyCommand.expand(hop.proxyCommand(), hop);
                where = hop.hostName() + ":" + hop.port() + " via ProxyCommand '" + command + "'";
                proxy = ProxyCommand.start(command, server);
                ProxyCommandSocket p = proxy;
                closeStream.set(() -> closeQuietly(p));
                watch.phase(ConnectWatch.Phase.BANNER);
                client.setSocketFactory(proxy.factory());
                client.connect(hop.hostName(), hop.port());
            } else if (previous == null) {
                client.connect(hop.hostName(), hop.port());
            } else {
                previous.getConnection().setTimeoutMs((int) timeout.toMillis()); // bounds the channel open
                DirectConnection tunnel = previous.newDirectConnection(hop.hostName(), hop.port());
                closeStream.set(() -> abortTunnel(tunnel));
                watch.phase(ConnectWatch.Phase.BANNER);
                client.connectVia(tunnel, hop.hostName(), hop.port());
            }
            watch.phase(ConnectWatch.Phase.AUTHENTICATION);
            long connected = System.nanoTime();
            authenticator.authenticate(client, hop, server, algorithms.keyAlgorithms(choice.get(AlgorithmKind.PUBKEY)));
            watch.close();
            if (TIMING.isDebugEnabled()) {
                TIMING.debug("{} connect+kex_ms={} kex_compute_ms={} auth_ms={}", server, (connected - started) / 1_000_000,
                        kexWork.nanos() / 1_000_000, (System.nanoTime() - connected) / 1_000_000);
            }
            if (watch.expired()) {
                throw new IOException("connect timeout expired as authentication finished");
            }
            client.getTransport().setTimeoutMs(afterConnect);
            return client;
        } catch (IOException | RuntimeException e) {
            watch.close();
            closeQuietly(client);
            if (watch.expired()) {
                throw ConnectFailures.timedOut(server, where, timeout, watch.expiredIn(), e);
            }
            if (verifier.failure() != null) {
                throw verifier.failure();
            }
            String died = death.why();
            Optional<String> noCommon = NoCommonAlgorithm.explain(messages(e) + (died == null ? "" : died), hop.alias(),
                    algorithms);
            if (noCommon.isPresent()) {
                throw new SshException(server, noCommon.get(), e);
            }
            String proxyExit = proxy == null ? null : proxy.exitedReason();
            if (proxyExit != null) {
                throw new UnreachableException(server, proxyExit + " (before the SSH connection to " + hop.hostName()
                        + ":" + hop.port() + " was set up)", e);
            }
            if (e instanceof RuntimeException r) {
                if (died == null) {
                    throw r;
                }
                throw new SshException(server, "the connection to " + where + " ended while it was being set up: " + died, r);
            }
            throw ConnectFailures.translate(server, hop.hostName(), hop.port(), timeout, (IOException) e, verifier, via);
        } finally {
            computing.remove(client.getTransport());
        }
    }

    /** Refines the phase the connector set from what the connection shows, for the timeout message. */
    private static ConnectWatch.Phase phaseOf(SSHClient client, ConnectWatch.Phase coarse) {
        ConnectWatch.Phase p = coarse;
        if (p == ConnectWatch.Phase.CONNECTING && client.getSocket() != null && client.getSocket().isConnected()) {
            p = ConnectWatch.Phase.BANNER;
        }
        if (p == ConnectWatch.Phase.BANNER && bannerSeen(client)) {
            p = ConnectWatch.Phase.KEY_EXCHANGE;
        }
        return p;
    }

    private static boolean bannerSeen(SSHClient client) {
        try {
            return client.getTransport().getServerVersion() != null;
        } catch (RuntimeException e) {
            return false; // sshj 0.40 holds "" there while it still waits, and substring(8) of that throws
        }
    }

    /** Unblocks whatever reads the tunnel now, then closes it on the jump host without waiting here. */
    private void abortTunnel(DirectConnection tunnel) {
        tunnel.notifyError(new ConnectionException("connect timeout expired"));
        workers.execute(() -> {
            try {
                tunnel.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing a timed-out tunnel: {}", e.toString());
            }
        });
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing: {}", e.toString());
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

    @Override
    public void close() {
        workers.shutdownNow();
        timers.shutdownNow();
        passphrases.close();
    }
}
