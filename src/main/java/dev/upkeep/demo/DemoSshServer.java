package dev.upkeep.demo;

import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * One embedded SSH server (Apache MINA sshd) for the whole demo fleet: it listens on one loopback port per simulated
 * server and tells them apart by the port a connection came in on, so each has its own host key. Key exchange as
 * OpenSSH 10 offers it (post-quantum hybrids first, curve25519 too); only the demo's own client key may log in.
 */
final class DemoSshServer implements AutoCloseable {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final List<BuiltinDHFactories> KEX = List.of(BuiltinDHFactories.mlkem768x25519,
            BuiltinDHFactories.sntrup761x25519, BuiltinDHFactories.sntrup761x25519_openssh,
            BuiltinDHFactories.curve25519, BuiltinDHFactories.curve25519_libssh);

    /** The builder fills in MINA's defaults (ciphers, MACs, signatures); the key exchanges are set below. */
    private final Server sshd = (Server) ServerBuilder.builder().factory(Server::new).build();
    private final Map<Integer, KeyPair> hostKeys = new ConcurrentHashMap<>();
    private final Map<Integer, SimSession.Factory> hosts = new ConcurrentHashMap<>();
    private final Map<Integer, Set<Session>> sessions = new ConcurrentHashMap<>();

    /** SshServer keeps its acceptor to itself; the demo opens and closes ports one by one. */
    private static final class Server extends SshServer {
        synchronized void bind(SocketAddress address) throws IOException {
            acceptor.bind(address);
        }

        synchronized void unbind(SocketAddress address) {
            acceptor.unbind(address);
        }
    }

    /** What answers on one port: its host key and how its commands are served. */
    interface HostFactory {
        SimSession.Factory forPort(int port);
    }

    DemoSshServer(PublicKey clientKey, ExecutorService workers, SimShell shell) {
        sshd.setHost(LOOPBACK.getHostAddress());
        sshd.setPort(0);
        List<KeyExchangeFactory> kex = NamedFactory.setUpTransformedFactories(false,
                KEX.stream().filter(BuiltinDHFactories::isSupported).toList(), ServerBuilder.DH2KEX);
        sshd.setKeyExchangeFactories(kex);
        sshd.setKeyPairProvider(session -> {
            KeyPair key = hostKeys.get(port(session));
            return key == null ? List.of() : List.of(key);
        });
        sshd.setPublickeyAuthenticator((user, key, session) -> "root".equals(user) && KeyUtils.compareKeys(key, clientKey));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        // exec only: no shell (no ShellFactory is set), no port forwarding, no agent forwarding
        sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        sshd.setCommandFactory((channel, command) -> new SimCommand(command, workers, this::sessionFor, shell));
        sshd.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessions.computeIfAbsent(port(session), p -> ConcurrentHashMap.newKeySet()).add(session);
            }

            @Override
            public void sessionClosed(Session session) {
                Set<Session> open = sessions.get(port(session));
                if (open != null) {
                    open.remove(session);
                }
            }
        });
    }

    /** The key exchanges offered, in order of preference. */
    List<String> keyExchanges() {
        return sshd.getKeyExchangeFactories().stream().map(KeyExchangeFactory::getName).toList();
    }

    void start() throws IOException {
        sshd.start();
        // start() listens on one ephemeral port that no simulated server owns: close it again.
        for (SocketAddress a : Set.copyOf(sshd.getBoundAddresses())) {
            sshd.unbind(a);
        }
    }

    /** Listens for one simulated server on a new loopback port; returns the port. */
    synchronized int open(KeyPair hostKey, HostFactory host) throws IOException {
        Set<SocketAddress> before = new HashSet<>(sshd.getBoundAddresses());
        sshd.bind(new InetSocketAddress(LOOPBACK, 0));
        Set<SocketAddress> after = new HashSet<>(sshd.getBoundAddresses());
        after.removeAll(before);
        int port = ((InetSocketAddress) after.iterator().next()).getPort();
        hostKeys.put(port, hostKey);
        hosts.put(port, host.forPort(port));
        return port;
    }

    /** The server on this port goes down: no more connections, the open ones are dropped. */
    void down(int port) {
        sshd.unbind(new InetSocketAddress(LOOPBACK, port));
        for (Session s : Set.copyOf(sessions.getOrDefault(port, Set.of()))) {
            s.close(true);
        }
    }

    /** ... and comes back on the same port. */
    void up(int port) throws IOException {
        sshd.bind(new InetSocketAddress(LOOPBACK, port));
    }

    private SimSession.Factory sessionFor(ChannelSession channel) {
        SimSession.Factory f = hosts.get(port(channel.getSession()));
        if (f == null) {
            throw new IllegalStateException("no demo server on this port");
        }
        return f;
    }

    private static int port(SessionContext context) {
        if (context instanceof Session s && s.getLocalAddress() instanceof InetSocketAddress a) {
            return a.getPort();
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }
}
