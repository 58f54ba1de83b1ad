package dev.upkeep.ssh;

import dev.upkeep.base.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;

/**
 * A running ProxyCommand dressed as a connected socket, so that sshj's transport reads and writes its standard
 * output and input. Closing it ends the process (TERM, then KILL after a grace). Its standard error goes to the
 * log, and its last lines are kept to explain an early exit.
 */
final class ProxyCommandSocket extends Socket {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyCommandSocket.class);
    private static final int KEEP_LINES = 5;
    private static final int MAX_LINE = 1000;

    private final Process process;
    private final String command;
    private final String server;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private volatile boolean closed;

    ProxyCommandSocket(Process process, String command, String server) {
        this.process = process;
        this.command = command;
        this.server = server;
        Threads.daemon("proxy-command-stderr", this::drainStderr).start();
    }

    /** A socket factory that hands sshj this socket (it asks for exactly one). */
    SocketFactory factory() {
        Socket self = this;
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return self;
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                throw new SocketException("a ProxyCommand connection opens no sockets");
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                throw new SocketException("a ProxyCommand connection opens no sockets");
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                throw new SocketException("a ProxyCommand connection opens no sockets");
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws IOException {
                throw new SocketException("a ProxyCommand connection opens no sockets");
            }
        };
    }

    @Override
    public InputStream getInputStream() throws IOException {
        if (closed) {
            throw new SocketException("ProxyCommand closed");
        }
        return process.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        if (closed) {
            throw new SocketException("ProxyCommand closed");
        }
        return process.getOutputStream();
    }

    @Override
    public boolean isConnected() {
        return true; // sshj then skips its own TCP connect and just takes the streams
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void setSoTimeout(int timeout) {
        // Pipes have no read timeout; the connect watch and keep-alive bound the waits instead.
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.onExit().orTimeout(2, TimeUnit.SECONDS).exceptionally(t -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return null;
        });
        super.close();
    }

    /**
     * Why the connection could not go on, if the command ended: its exit status and last lines of standard
     * error; null while it runs. Waits a moment, since its output may close just before it exits.
     */
    String exitedReason() {
        try {
            if (!process.waitFor(500, TimeUnit.MILLISECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        String tail;
        synchronized (stderrTail) {
            tail = String.join(" | ", stderrTail);
        }
        return "ProxyCommand '" + command + "' exited with status " + process.exitValue()
                + (closed ? " after Upkeep closed it" : "") + (tail.isEmpty() ? "" : ": " + tail);
    }

    private void drainStderr() {
        try (InputStream err = process.getErrorStream()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = err.read()) >= 0) {
                if (b == '\n') {
                    note(line);
                } else if (line.size() < MAX_LINE) {
                    line.write(b); // a longer line is cut: a broken command must not fill memory through here
                }
            }
            note(line);
        } catch (IOException e) {
            LOG.debug("{}: ProxyCommand stderr: {}", server, e.toString());
        }
    }

    private void note(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (text.isEmpty()) {
            return;
        }
        LOG.info("{}: ProxyCommand: {}", server, text);
        synchronized (stderrTail) {
            if (stderrTail.size() == KEEP_LINES) {
                stderrTail.removeFirst();
            }
            stderrTail.addLast(text);
        }
    }
}
