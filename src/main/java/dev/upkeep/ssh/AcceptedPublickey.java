package dev.upkeep.ssh;

import com.hierynomus.sshj.key.KeyAlgorithm;
import com.hierynomus.sshj.key.KeyAlgorithms;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.signature.Signature;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthPublickey;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * sshj's "publickey" authentication with a key file, signing only with the algorithms PubkeyAcceptedAlgorithms
 * allows, in its order. sshj itself would take them from the host key algorithm list, which is a separate
 * option in OpenSSH (HostKeyAlgorithms).
 */
final class AcceptedPublickey extends AuthPublickey {
    static final String NONE_ACCEPTED = "PubkeyAcceptedAlgorithms allows no signature algorithm";
    private final List<Factory.Named<KeyAlgorithm>> accepted;
    private Deque<KeyAlgorithm> candidates;

    AcceptedPublickey(KeyProvider keys, List<Factory.Named<KeyAlgorithm>> accepted) {
        super(keys);
        this.accepted = accepted;
    }

    /** The reason when {@code e} (or what sshj wrapped it in) says this key had no accepted algorithm, else null. */
    static String noneAccepted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith(NONE_ACCEPTED)) {
                return t.getMessage();
            }
        }
        return null;
    }

    @Override
    protected SSHPacket putPubKey(SSHPacket request) throws UserAuthException {
        PublicKey key;
        try {
            key = kProv.getPublic();
        } catch (IOException e) {
            throw new UserAuthException("Problem getting public key from " + kProv, e);
        }
        KeyAlgorithm algorithm = candidates(KeyType.fromKey(key)).peek();
        return request.putString(algorithm.getKeyAlgorithm())
                .putString(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    }

    @Override
    protected SSHPacket putSig(SSHPacket request) throws UserAuthException {
        PrivateKey key;
        try {
            key = kProv.getPrivate();
        } catch (IOException e) {
            throw new UserAuthException("Problem getting private key from " + kProv, e);
        }
        Signature signature = candidates(KeyType.fromKey(key)).peek().newSignature();
        signature.initSign(key);
        signature.update(new Buffer.PlainBuffer().putString(params.getTransport().getSessionID())
                .putBuffer(request).getCompactData());
        request.putSignature(signature.getSignatureName(), signature.encode(signature.sign()));
        return request;
    }

    /** After the server refused one signature algorithm (say rsa-sha2-512), the next accepted one is tried. */
    @Override
    public boolean shouldRetry() {
        if (candidates == null) {
            return false;
        }
        candidates.poll();
        return !candidates.isEmpty();
    }

    private Deque<KeyAlgorithm> candidates(KeyType type) throws UserAuthException {
        if (candidates == null) {
            candidates = new ArrayDeque<>();
            for (Factory.Named<KeyAlgorithm> f : accepted) {
                if (f instanceof KeyAlgorithms.Factory k ? k.getKeyType() == type : f.getName().equals(type.toString())) {
                    candidates.add(f.create());
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new UserAuthException(NONE_ACCEPTED + " for its " + type + " key");
        }
        return candidates;
    }
}
