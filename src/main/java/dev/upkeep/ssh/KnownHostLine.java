package dev.upkeep.ssh;

import dev.upkeep.base.Patterns;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One known_hosts entry: {@code [@marker] hosts keytype base64 [comment]}. {@code hosts} is either a
 * comma-separated pattern list (may hold {@code [host]:port}, wildcards and {@code !negations}) or a hashed
 * {@code |1|salt|hmac} entry as written by {@code ssh-keygen -H}.
 */
record KnownHostLine(Marker marker, String hosts, String keyType, byte[] blob, Path file, int line) {

    enum Marker { NONE, REVOKED, CERT_AUTHORITY }

    /** Parses one line; null for blank lines, comments and lines we can't read (OpenSSH skips those too). */
    static KnownHostLine parse(String text, Path file, int line) {
        String s = text.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return null;
        }
        String[] f = s.split("\\s+");
        int i = 0;
        Marker marker = Marker.NONE;
        if (f[0].startsWith("@")) {
            marker = switch (f[0]) {
                case "@revoked" -> Marker.REVOKED;
                case "@cert-authority" -> Marker.CERT_AUTHORITY;
                default -> null;
            };
            if (marker == null) {
                return null;
            }
            i = 1;
        }
        if (f.length < i + 3) {
            return null;
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(f[i + 2]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new KnownHostLine(marker, f[i], f[i + 1], blob, file, line);
    }

    /** {@code hostString} is "host" for port 22, else "[host]:port", like OpenSSH looks it up. */
    boolean matches(String hostString) {
        if (hosts.startsWith("|1|")) {
            return hashedMatches(hostString);
        }
        return Patterns.matchesList(hostString, List.of(hosts.split(",")), true);
    }

    private boolean hashedMatches(String hostString) {
        String[] parts = hosts.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, hmacSha1(salt, hostString));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * {@code |1|salt|hash} for {@code hostString}, as {@code ssh-keygen -H} and {@code HashKnownHosts yes} write
     * it: HMAC-SHA1 keyed with a 20-byte salt. SHA-1 here is OpenSSH's file format, not a choice of ours.
     */
    static String hashedHosts(String hostString, byte[] salt) {
        try {
            Base64.Encoder b64 = Base64.getEncoder();
            return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hmacSha1(salt, hostString));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    private static byte[] hmacSha1(byte[] salt, String hostString) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        return mac.doFinal(hostString.getBytes(StandardCharsets.UTF_8));
    }

    KnownHostKey known() {
        return new KnownHostKey(keyType, fingerprint(), file, line);
    }

    boolean sameKey(byte[] otherBlob) {
        return Arrays.equals(blob, otherBlob);
    }

    String fingerprint() {
        return KnownHosts.sha256Fingerprint(blob);
    }
}
