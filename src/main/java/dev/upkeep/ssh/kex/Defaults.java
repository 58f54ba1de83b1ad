package dev.upkeep.ssh.kex;

import java.util.List;

/**
 * Upkeep's default algorithm lists: OpenSSH 10.0's client defaults ({@code myproposal.h}) as far as sshj
 * implements them, most preferred first. Left out by design: hmac-sha1 (OpenSSH still offers it; the brief asks
 * for SHA-2 MACs only) and what sshj lacks (umac, FIDO "sk-" keys, rsa-sha2-*-cert-v01). No SHA-1 key exchange,
 * no CBC, 3DES, Blowfish or arcfour, no MD5 or truncated MACs, RSA only with SHA-2 signatures, no DSA.
 * See docs/decisions/0018-default-algorithms.md and docs/security.md.
 */
final class Defaults {
    static final List<String> KEX = List.of(
            PostQuantumKex.MLKEM768X25519,
            PostQuantumKex.SNTRUP761X25519,
            PostQuantumKex.SNTRUP761X25519_OPENSSH,
            "curve25519-sha256",
            "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256",
            "ecdh-sha2-nistp384",
            "ecdh-sha2-nistp521",
            "diffie-hellman-group-exchange-sha256",
            "diffie-hellman-group16-sha512",
            "diffie-hellman-group18-sha512",
            "diffie-hellman-group14-sha256");

    static final List<String> CIPHERS = List.of(
            "chacha20-poly1305@openssh.com",
            "aes128-gcm@openssh.com",
            "aes256-gcm@openssh.com",
            "aes128-ctr",
            "aes192-ctr",
            "aes256-ctr");

    static final List<String> MACS = List.of(
            "hmac-sha2-256-etm@openssh.com",
            "hmac-sha2-512-etm@openssh.com",
            "hmac-sha2-256",
            "hmac-sha2-512");

    /** Host keys and user-key signatures alike (OpenSSH uses one default list for both). */
    static final List<String> KEYS = List.of(
            "ssh-ed25519-cert-v01@openssh.com",
            "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "ecdsa-sha2-nistp384-cert-v01@openssh.com",
            "ecdsa-sha2-nistp521-cert-v01@openssh.com",
            "ssh-ed25519",
            "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521",
            "rsa-sha2-512",
            "rsa-sha2-256");

    private Defaults() {
    }

    static List<String> of(AlgorithmKind kind) {
        return switch (kind) {
            case KEX -> KEX;
            case CIPHER -> CIPHERS;
            case MAC -> MACS;
            case HOST_KEY, PUBKEY -> KEYS;
        };
    }
}
