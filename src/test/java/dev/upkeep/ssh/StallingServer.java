package dev.upkeep.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * Servers on 127.0.0.1 that accept a connection and then stall in one phase of SSH, the way a hung sshd or a
 * black-holing middlebox does: silent after the TCP accept, silent after the banner, or silent in authentication
 * (an embedded Apache MINA sshd whose key check never returns). Everything they hold is released on close.
 */
public final class StallingServer implements AutoCloseable {
    /** The phase a server stalls in. */
    public enum Stall { AFTER_ACCEPT, AFTER_BANNER, IN_AUTHENTICATION }

    private final int port;
    private final PublicKey hostKey;
    private final AutoCloseable resource;

    private StallingServer(int port, PublicKey hostKey, AutoCloseable resource) {
        this.port = port;
        this.hostKey = hostKey;
        this.resource = resource;
    }

    public static StallingServer start(Stall stall) throws IOException {
        return stall == Stall.IN_AUTHENTICATION ? authentication() : socket(stall == Stall.AFTER_BANNER);
    }

    public int port() {
        return port;
    }

    /** The host key a MINA server offers (null for the socket servers, which never get that far). */
    public PublicKey hostKey() {
        return hostKey;
    }

    /** Trusts this server's host key in {@code knownHosts} (so that a connect gets as far as authentication). */
    public void trustIn(Path knownHosts) throws IOException {
        new KnownHosts(knownHosts, List.of()).accept("127.0.0.1", port, hostKey);
    }

    @Override
    public void close() throws Exception {
        resource.close();
    }

    private static StallingServer socket(boolean banner) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    accepted.add(s);
                    if (banner) {
                        s.getOutputStream().write("SSH-2.0-OpenSSH_9.2p1 Stalling\r\n".getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                        Thread reader = new Thread(() -> swallow(s), "stalling-reader");
                        reader.setDaemon(true);
                        reader.start(); // reads the client's KEXINIT and never answers it
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "stalling-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return new StallingServer(listener.getLocalPort(), null, () -> {
            listener.close();
            for (Socket s : accepted) {
                s.close();
            }
        });
    }

    private static void swallow(Socket s) {
        try (InputStream in = s.getInputStream()) {
            byte[] buf = new byte[4096];
            while (in.read(buf) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static StallingServer authentication() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
        keys.setAlgorithm("EC");
        sshd.setKeyPairProvider(keys);
        sshd.setPublickeyAuthenticator((user, key, session) -> {
            try {
                release.await(10, TimeUnit.MINUTES); // a key check that never answers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        });
        sshd.start();
        PublicKey hostKey = keys.loadKeys(null).iterator().next().getPublic();
        return new StallingServer(sshd.getPort(), hostKey, () -> {
            release.countDown();
            sshd.stop(true);
        });
    }
}
