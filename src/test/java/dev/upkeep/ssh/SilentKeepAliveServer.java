package dev.upkeep.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.ConnectionServiceRequestHandler;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.AcceptAllPublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * An embedded Apache MINA sshd on 127.0.0.1 that lies by silence: it runs commands and answers everything else,
 * but swallows every global request (OpenSSH's keepalive@openssh.com among them) without a reply, the way a
 * server does whose connection layer stopped while its socket stays open. Every command prints "started" and
 * then runs until the connection goes.
 */
final class SilentKeepAliveServer implements AutoCloseable {
    private final SshServer sshd;
    private final PublicKey hostKey;
    private final AtomicInteger swallowed = new AtomicInteger();

    private SilentKeepAliveServer() throws IOException {
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
        keys.setAlgorithm("EC");
        sshd.setKeyPairProvider(keys);
        sshd.setPublickeyAuthenticator(AcceptAllPublickeyAuthenticator.INSTANCE);
        ConnectionServiceRequestHandler silent = (service, request, wantReply, buffer) -> {
            swallowed.incrementAndGet();
            return RequestHandler.Result.Replied; // claims to have answered; sends nothing
        };
        sshd.setGlobalRequestHandlers(List.of(silent));
        sshd.setCommandFactory((channel, command) -> new Started());
        sshd.start();
        hostKey = keys.loadKeys(null).iterator().next().getPublic();
    }

    static SilentKeepAliveServer start() throws IOException {
        return new SilentKeepAliveServer();
    }

    int port() {
        return sshd.getPort();
    }

    /** Global requests received and never answered. */
    int swallowed() {
        return swallowed.get();
    }

    void trustIn(Path knownHosts) throws IOException {
        new KnownHosts(knownHosts, List.of()).accept("127.0.0.1", port(), hostKey);
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }

    /** Prints "started" and never exits. */
    private static final class Started implements Command {
        private OutputStream out;

        @Override
        public void setInputStream(InputStream in) {
            // not read
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            // nothing is written there
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            // never exits
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            out.write("started\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void destroy(ChannelSession channel) {
            // nothing held
        }
    }
}
