package dev.upkeep.ssh;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

import java.security.PublicKey;
import java.util.List;

/** Key blobs, key type names, and which signature algorithms belong to a known key type. */
final class KeyTypes {
    private KeyTypes() {
    }

    static String typeOf(PublicKey key) {
        return KeyType.fromKey(key).toString();
    }

    static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    /** The type name a key blob starts with (an SSH string). */
    static String typeOf(byte[] blob) {
        try {
            return new Buffer.PlainBuffer(blob).readString();
        } catch (Buffer.BufferException e) {
            return "unknown";
        }
    }

    /**
     * Host-key algorithms that can present a key of this type. An {@code ssh-rsa} key is offered by OpenSSH 9
     * only with the SHA-2 signature algorithms, so those come first.
     */
    static List<String> algorithmsFor(String keyType) {
        if (keyType.equals("ssh-rsa")) {
            return List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
        }
        return List.of(keyType);
    }
}
