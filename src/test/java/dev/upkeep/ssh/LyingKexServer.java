package dev.upkeep.ssh;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A fake SSH server on 127.0.0.1 that speaks just enough of the protocol (plain-text packets before NEWKEYS) to
 * offer only mlkem768x25519-sha256, take the client's key exchange init, and then lie in one chosen way.
 */
final class LyingKexServer implements AutoCloseable {
    enum Lie {
        /** S_REPLY one byte short of ciphertext + X25519 key. */
        WRONG_LENGTH,
        /** An X25519 key of all zeros: the shared secret would be zero. */
        ZERO_POINT,
        /** Well-formed reply whose signature is random bytes. */
        BAD_SIGNATURE,
        /** NEWKEYS instead of the reply. */
        WRONG_MESSAGE,
        /** A reply that stops after the host key. */
        TRUNCATED,
        /** A 200 kB S_REPLY: under sshj's 256 kB packet limit, over its limit for one field. */
        FLOOD,
        /** Hangs up right after the client's key exchange init. */
        DROP,
        /** Never answers the key exchange init; keeps the connection open. */
        HANG
    }

    static final int CIPHERTEXT = 1088;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerSocket socket;
    private final Lie lie;
    private final CompletableFuture<Void> done;
    private volatile int clientInitLength = -1;

    LyingKexServer(Lie lie) throws IOException {
        this.socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.lie = lie;
        this.done = CompletableFuture.runAsync(this::serveOne);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Length of the client's C_INIT as received (1184 + 32 for ML-KEM-768 + X25519), -1 before it came. */
    int clientInitLength() {
        return clientInitLength;
    }

    private void serveOne() {
        try (Socket s = socket.accept()) {
            s.getOutputStream().write("SSH-2.0-Liar_1.0\r\n".getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            readLine(in);
            readPacket(in); // the client's KEXINIT
            writePacket(out, kexInit());
            byte[] init = readPacket(in);
            DataInputStream msg = new DataInputStream(new java.io.ByteArrayInputStream(init));
            if (msg.readByte() != 30) {
                return;
            }
            clientInitLength = msg.readInt();
            lie(in, out);
        } catch (IOException e) {
            // the client hung up: that is what most lies lead to
        }
    }

    private void lie(DataInputStream in, DataOutputStream out) throws IOException {
        byte[] hostKey = ed25519HostKey();
        byte[] point = new byte[32];
        byte[] priv = new byte[32];
        X25519.generatePrivateKey(RANDOM, priv);
        X25519.generatePublicKey(priv, 0, point, 0);
        byte[] ciphertext = random(CIPHERTEXT);
        byte[] signature = new Packet().string("ssh-ed25519").string(random(64)).bytes();
        switch (lie) {
            case WRONG_LENGTH -> writePacket(out, new Packet().b(31).string(hostKey)
                    .string(Arrays.copyOf(concat(ciphertext, point), CIPHERTEXT + 31)).string(signature).bytes());
            case ZERO_POINT -> writePacket(out, new Packet().b(31).string(hostKey)
                    .string(concat(ciphertext, new byte[32])).string(signature).bytes());
            case BAD_SIGNATURE -> writePacket(out, new Packet().b(31).string(hostKey)
                    .string(concat(ciphertext, point)).string(signature).bytes());
            case WRONG_MESSAGE -> writePacket(out, new Packet().b(21).bytes());
            case TRUNCATED -> writePacket(out, new Packet().b(31).string(hostKey).bytes());
            case FLOOD -> writePacket(out, new Packet().b(31).string(hostKey).string(random(200_000))
                    .string(signature).bytes());
            case DROP -> {
                return; // the socket closes on the way out
            }
            case HANG -> {
                // say nothing more
            }
        }
        drain(in);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // until the client closes the connection
        }
    }

    private static byte[] kexInit() throws IOException {
        Packet p = new Packet().b(20).raw(random(16)).string("mlkem768x25519-sha256").string("ssh-ed25519");
        for (String list : new String[]{"aes128-ctr", "aes128-ctr", "hmac-sha2-256", "hmac-sha2-256", "none", "none",
                "", ""}) {
            p.string(list);
        }
        return p.b(0).raw(new byte[4]).bytes();
    }

    private static byte[] ed25519HostKey() {
        try {
            byte[] x509 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
            return new Packet().string("ssh-ed25519").string(Arrays.copyOfRange(x509, x509.length - 32, x509.length))
                    .bytes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.write(c);
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] readPacket(DataInputStream in) throws IOException {
        int length = in.readInt();
        int padding = in.readUnsignedByte();
        byte[] payload = new byte[length - 1 - padding];
        in.readFully(payload);
        in.readFully(new byte[padding]);
        return payload;
    }

    private static void writePacket(DataOutputStream out, byte[] payload) throws IOException {
        int padding = 8 - (5 + payload.length) % 8;
        if (padding < 4) {
            padding += 8;
        }
        out.writeInt(1 + payload.length + padding);
        out.writeByte(padding);
        out.write(payload);
        out.write(new byte[padding]);
        out.flush();
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        done.cancel(true);
    }

    /** SSH wire encoding for the few types a KEXINIT and a reply need. */
    private static final class Packet {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(buffer);

        Packet b(int value) throws IOException {
            out.writeByte(value);
            return this;
        }

        Packet raw(byte[] bytes) throws IOException {
            out.write(bytes);
            return this;
        }

        Packet string(byte[] bytes) {
            try {
                out.writeInt(bytes.length);
                out.write(bytes);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        Packet string(String text) {
            return string(text.getBytes(StandardCharsets.US_ASCII));
        }

        byte[] bytes() {
            return buffer.toByteArray();
        }
    }
}
