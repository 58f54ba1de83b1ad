package dev.upkeep.ssh;

import net.schmizz.sshj.common.Buffer;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Talks to an ssh-agent over its Unix-domain socket (draft-miller-ssh-agent): list identities and sign.
 * One socket per request keeps it thread-safe and survives agent restarts between requests.
 */
final class AgentClient {
    static final int SSH_AGENT_FAILURE = 5;
    static final int SSH2_AGENTC_REQUEST_IDENTITIES = 11;
    static final int SSH2_AGENT_IDENTITIES_ANSWER = 12;
    static final int SSH2_AGENTC_SIGN_REQUEST = 13;
    static final int SSH2_AGENT_SIGN_RESPONSE = 14;
    static final int SSH_AGENT_RSA_SHA2_256 = 2;
    static final int SSH_AGENT_RSA_SHA2_512 = 4;
    /** Agent replies are small; anything larger means we are not talking to an agent. */
    private static final int MAX_REPLY = 256 * 1024;

    private final Path socket;

    AgentClient(Path socket) {
        this.socket = socket;
    }

    /** The agent from {@code SSH_AUTH_SOCK}, or null when there is none. */
    static Path socketFromEnvironment() {
        String sock = System.getenv("SSH_AUTH_SOCK");
        return sock == null || sock.isBlank() ? null : Path.of(sock);
    }

    List<AgentIdentity> identities() throws IOException {
        Buffer.PlainBuffer reply = request(new Buffer.PlainBuffer().putByte((byte) SSH2_AGENTC_REQUEST_IDENTITIES));
        try {
            expect(reply, SSH2_AGENT_IDENTITIES_ANSWER, "list identities");
            long n = reply.readUInt32();
            List<AgentIdentity> ids = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                byte[] blob = reply.readBytes();
                String comment = reply.readString(StandardCharsets.UTF_8);
                ids.add(new AgentIdentity(blob, comment));
            }
            return ids;
        } catch (Buffer.BufferException e) {
            throw new IOException("malformed ssh-agent reply: " + e.getMessage(), e);
        }
    }

    /** Returns the signature blob (string algorithm, string signature), ready to put in the auth request. */
    byte[] sign(byte[] keyBlob, byte[] data, int flags) throws IOException {
        Buffer.PlainBuffer req = new Buffer.PlainBuffer()
                .putByte((byte) SSH2_AGENTC_SIGN_REQUEST)
                .putBytes(keyBlob)
                .putBytes(data)
                .putUInt32(flags);
        Buffer.PlainBuffer reply = request(req);
        try {
            expect(reply, SSH2_AGENT_SIGN_RESPONSE, "sign");
            return reply.readBytes();
        } catch (Buffer.BufferException e) {
            throw new IOException("malformed ssh-agent reply: " + e.getMessage(), e);
        }
    }

    private static void expect(Buffer.PlainBuffer reply, int type, String what) throws IOException, Buffer.BufferException {
        int got = reply.readByte() & 0xff;
        if (got == SSH_AGENT_FAILURE) {
            throw new IOException("ssh-agent refused to " + what);
        }
        if (got != type) {
            throw new IOException("unexpected ssh-agent reply " + got + " to " + what);
        }
    }

    private Buffer.PlainBuffer request(Buffer.PlainBuffer message) throws IOException {
        byte[] payload = message.getCompactData();
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ByteBuffer out = ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).flip();
            while (out.hasRemaining()) {
                ch.write(out);
            }
            ByteBuffer len = readFully(ch, 4);
            int n = len.getInt();
            if (n <= 0 || n > MAX_REPLY) {
                throw new IOException("bad ssh-agent reply length " + n);
            }
            return new Buffer.PlainBuffer(readFully(ch, n).array());
        }
    }

    private static ByteBuffer readFully(SocketChannel ch, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new IOException("ssh-agent closed the connection");
            }
        }
        return buf.flip();
    }
}
