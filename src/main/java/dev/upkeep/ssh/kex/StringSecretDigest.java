package dev.upkeep.ssh.kex;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.transport.digest.Digest;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The digest sshj derives the session keys with, for a key exchange whose shared secret K is an SSH string.
 * <p>
 * sshj 0.40.0's KeyExchanger always hashes {@code mpint(K) || H || ...} (RFC 4253 section 7.2), taking K from
 * {@code getK()}. The hybrid post-quantum exchanges define K as {@code string(HASH(K_pq || K_x25519))} instead,
 * and the two encodings differ whenever the secret has a leading zero byte or its top bit set. KeyExchanger feeds
 * each key-derivation hash one buffer that starts with {@code mpint(K)}; this digest swaps exactly that prefix for
 * {@code string(K)} and passes the rest through. Input that does not start with it means sshj changed how it
 * derives keys: that fails loudly rather than deriving keys nobody else would (see
 * docs/decisions/0019-hybrid-kex-string-secret.md).
 */
final class StringSecretDigest implements Digest {
    private final Digest inner;
    private final byte[] asMpint;
    private final byte[] asString;
    private boolean atStart = true;

    /** @param secret the shared secret K, exactly as the key exchange produced it (a hash output) */
    StringSecretDigest(Digest inner, byte[] secret) {
        this.inner = inner;
        this.asMpint = new Buffer.PlainBuffer().putMPInt(new BigInteger(1, secret)).getCompactData();
        this.asString = new Buffer.PlainBuffer().putBytes(secret).getCompactData();
        inner.init();
    }

    @Override
    public byte[] digest() {
        atStart = true;
        return inner.digest();
    }

    @Override
    public int getBlockSize() {
        return inner.getBlockSize();
    }

    @Override
    public void init() {
        atStart = true;
        inner.init();
    }

    @Override
    public void update(byte[] input) {
        update(input, 0, input.length);
    }

    @Override
    public void update(byte[] input, int start, int len) {
        if (atStart) {
            if (len < asMpint.length
                    || !Arrays.equals(input, start, start + asMpint.length, asMpint, 0, asMpint.length)) {
                throw new IllegalStateException("key derivation input does not start with the shared secret:"
                        + " this sshj version derives keys differently than the hybrid key exchange expects");
            }
            atStart = false;
            inner.update(asString, 0, asString.length);
            start += asMpint.length;
            len -= asMpint.length;
        }
        inner.update(input, start, len);
    }
}
