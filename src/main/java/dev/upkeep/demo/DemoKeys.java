package dev.upkeep.demo;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;

/** Ed25519 keys made fresh on every start: one per demo server (host keys) and the demo's own login key. */
final class DemoKeys {
    private DemoKeys() {
    }

    static KeyPair ed25519() {
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an Ed25519 key for the demo fleet: " + e.getMessage(), e);
        }
    }

    /** The private key in OpenSSH's format (unencrypted: it opens nothing but the demo's simulated servers). */
    static byte[] openSshPrivateKey(KeyPair key) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "upkeep-demo", null, out);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the demo key: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** "ssh-ed25519 AAAA…" */
    static String publicLine(KeyPair key) {
        return PublicKeyEntry.toString(key.getPublic());
    }

    /** A known_hosts line for a server on a loopback port. */
    static String knownHostsLine(int port, KeyPair hostKey) {
        return "[127.0.0.1]:" + port + " " + publicLine(hostKey);
    }
}
