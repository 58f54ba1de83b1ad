package dev.upkeep.ssh.kex;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.signature.Signature;
import net.schmizz.sshj.transport.Transport;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.digest.Digest;
import net.schmizz.sshj.transport.kex.KeyExchangeBase;
import org.bouncycastle.math.ec.rfc7748.X25519;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A hybrid post-quantum key exchange, client side, as OpenSSH defines mlkem768x25519-sha256 and
 * sntrup761x25519-sha512: the client sends {@code C_INIT = pq_public_key || x25519_public_key}
 * (SSH_MSG_KEX_HYBRID_INIT, 30), the server answers with its host key, {@code S_REPLY = pq_ciphertext ||
 * x25519_public_key} and a signature (SSH_MSG_KEX_HYBRID_REPLY, 31). The shared secret is
 * {@code K = HASH(pq_secret || x25519_secret)}, an SSH <em>string</em> in the exchange hash
 * {@code H = HASH(V_C, V_S, I_C, I_S, K_S, C_INIT, S_REPLY, K)} and in key derivation (see
 * {@link StringSecretDigest}).
 */
final class HybridKex extends KeyExchangeBase {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final Kem kem;
    private final Supplier<Digest> hash;
    private final byte[] x25519Private = new byte[X25519.SCALAR_SIZE];
    private byte[] clientInit;
    private byte[] secret;
    private Digest keyDerivation;

    HybridKex(String name, Kem kem, Supplier<Digest> hash) {
        super(hash.get());
        this.name = name;
        this.kem = kem;
        this.hash = hash;
    }

    @Override
    public void init(Transport trans, String serverId, String clientId, byte[] serverKexInit, byte[] clientKexInit)
            throws GeneralSecurityException, TransportException {
        super.init(trans, serverId, clientId, serverKexInit, clientKexInit);
        digest.init();
        byte[] pqPublic = kem.generate(RANDOM);
        X25519.generatePrivateKey(RANDOM, x25519Private);
        clientInit = Arrays.copyOf(pqPublic, pqPublic.length + X25519.POINT_SIZE);
        X25519.generatePublicKey(x25519Private, 0, clientInit, pqPublic.length);
        trans.write(new SSHPacket(Message.KEXDH_INIT).putBytes(clientInit));
    }

    @Override
    public boolean next(Message msg, SSHPacket packet) throws GeneralSecurityException, TransportException {
        if (msg != Message.KEXDH_31) {
            throw failed("unexpected message " + msg + " instead of the " + name + " reply");
        }
        byte[] hostKeyBlob;
        byte[] serverReply;
        byte[] signature;
        try {
            hostKeyBlob = packet.readBytes();
            serverReply = packet.readBytes();
            signature = packet.readBytes();
            hostKey = new Buffer.PlainBuffer(hostKeyBlob).readPublicKey();
        } catch (Buffer.BufferException | SSHRuntimeException e) {
            throw failed("the server's " + name + " reply is malformed: " + e.getMessage());
        }
        int expected = kem.ciphertextLength() + X25519.POINT_SIZE;
        if (serverReply.length != expected) {
            throw failed("the server's " + name + " reply holds " + serverReply.length + " bytes of key material,"
                    + " not " + expected);
        }
        secret = sharedSecret(serverReply);
        byte[] exchange = initializedBuffer().putBytes(hostKeyBlob).putBytes(clientInit).putBytes(serverReply)
                .putBytes(secret).getCompactData();
        digest.update(exchange, 0, exchange.length);
        H = digest.digest();
        verifySignature(hostKeyBlob, signature);
        keyDerivation = new StringSecretDigest(hash.get(), secret);
        return true;
    }

    /** {@code HASH(pq_secret || x25519_secret)}; an all-zero X25519 result (a low-order point) is refused. */
    private byte[] sharedSecret(byte[] serverReply) throws TransportException {
        int ct = kem.ciphertextLength();
        byte[] both = new byte[32 + X25519.POINT_SIZE];
        byte[] pq = kem.decapsulate(Arrays.copyOfRange(serverReply, 0, ct));
        if (pq.length != 32) {
            throw failed(name + " produced a " + pq.length + "-byte secret, not 32");
        }
        System.arraycopy(pq, 0, both, 0, 32);
        Arrays.fill(pq, (byte) 0);
        boolean valid = X25519.calculateAgreement(x25519Private, 0, serverReply, ct, both, 32);
        Arrays.fill(x25519Private, (byte) 0);
        if (!valid) {
            throw failed("the server sent an invalid X25519 public key (the shared secret would be zero)");
        }
        Digest d = hash.get();
        d.init();
        d.update(both, 0, both.length);
        Arrays.fill(both, (byte) 0);
        return d.digest();
    }

    private void verifySignature(byte[] hostKeyBlob, byte[] sig) throws TransportException {
        Signature verifier = trans.getHostKeyAlgorithm().newSignature();
        verifier.initVerify(hostKey instanceof Certificate<?> cert ? cert.getKey() : hostKey);
        verifier.update(H, 0, H.length);
        if (!verifier.verify(sig)) {
            throw failed("KeyExchange signature verification failed (" + name + ")");
        }
        if (hostKey instanceof Certificate<?> cert && trans.getConfig().isVerifyHostKeyCertificates()) {
            String problem;
            try {
                problem = KeyType.CertUtils.verifyHostCertificate(hostKeyBlob, cert, trans.getRemoteHost());
            } catch (Buffer.BufferException | SSHRuntimeException e) {
                problem = e.toString();
            }
            if (problem != null) {
                throw failed("KeyExchange certificate check failed: " + problem);
            }
        }
    }

    @Override
    public BigInteger getK() {
        return new BigInteger(1, secret);
    }

    /** The digest sshj's KeyExchanger derives keys with: K enters it as a string, see {@link StringSecretDigest}. */
    @Override
    public Digest getHash() {
        return keyDerivation;
    }

    private static TransportException failed(String message) {
        return new TransportException(DisconnectReason.KEY_EXCHANGE_FAILED, message);
    }
}
