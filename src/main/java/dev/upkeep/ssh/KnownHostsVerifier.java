package dev.upkeep.ssh;

import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the server's host key against known_hosts for one connection. It never asks anyone: sshj calls it
 * inside the key exchange, which has a timeout. A refusal is remembered as {@link #failure()} so the
 * connector can throw the precise exception (with the offered key) instead of sshj's generic one.
 */
final class KnownHostsVerifier implements HostKeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsVerifier.class);

    private final KnownHosts knownHosts;
    private final String server;
    private final String host;
    private final int port;
    private final HostKeyName name;
    private volatile SshException failure;

    KnownHostsVerifier(KnownHosts knownHosts, String server, String host, int port) {
        this(knownHosts, server, host, port, HostKeyName.of(host, port));
    }

    /** {@code name} is what known_hosts files the host under: "[host]:port", or the HostKeyAlias. */
    KnownHostsVerifier(KnownHosts knownHosts, String server, String host, int port, HostKeyName name) {
        this.knownHosts = knownHosts;
        this.server = server;
        this.host = host;
        this.port = port;
        this.name = name;
    }

    @Override
    public boolean verify(String ignoredHost, int ignoredPort, PublicKey key) {
        try {
            check(key);
            return true;
        } catch (SshException e) {
            failure = e;
            return false;
        }
    }

    /** Prefers the algorithms of keys known_hosts holds, so a host known only by RSA/ECDSA still matches. */
    @Override
    public List<String> findExistingAlgorithms(String ignoredHost, int ignoredPort) {
        try {
            return knownHosts.knownAlgorithms(name.name());
        } catch (IOException e) {
            LOG.warn("cannot read known_hosts: {}", e.toString());
            return List.of();
        }
    }

    SshException failure() {
        return failure;
    }

    void check(PublicKey key) throws SshException {
        List<KnownHostLine> entries;
        try {
            entries = knownHosts.entriesFor(name.name());
        } catch (IOException e) {
            throw new SshException(server, "cannot read known_hosts: " + e.getMessage(), e);
        }
        byte[] blob = KeyTypes.blob(key);
        String type = KeyTypes.typeOf(key);
        for (KnownHostLine e : entries) {
            if (e.marker() == KnownHostLine.Marker.REVOKED && e.sameKey(blob)) {
                throw new HostKeyRevokedException(server, e.fingerprint(), e.file(), e.line());
            }
        }
        List<KnownHostLine> sameType = new ArrayList<>();
        List<KnownHostLine> otherTypes = new ArrayList<>();
        boolean caLines = false;
        for (KnownHostLine e : entries) {
            if (e.marker() == KnownHostLine.Marker.CERT_AUTHORITY) {
                caLines = true;
            } else if (e.marker() == KnownHostLine.Marker.NONE) {
                if (e.sameKey(blob)) {
                    return;
                }
                if (e.keyType().equals(type)) {
                    sameType.add(e);
                } else {
                    otherTypes.add(e);
                }
            }
        }
        if (!sameType.isEmpty()) {
            KnownHostLine first = sameType.get(0);
            throw new HostKeyChangedException(server, host, port, name.name(), type,
                    sameType.stream().map(KnownHostLine::fingerprint).distinct().toList(),
                    KnownHosts.sha256Fingerprint(blob), first.file(), first.line());
        }
        if (!otherTypes.isEmpty()) {
            // Not "unknown": the server is known by another key it no longer shows (the key exchange asked for
            // the known types first). That needs a closer look than a first contact does.
            throw new HostKeySubstitutedException(server, host, port, name, key,
                    otherTypes.stream().map(KnownHostLine::known).toList());
        }
        String note = null;
        if (caLines) {
            LOG.info("{}: @cert-authority lines in known_hosts are not supported and were ignored", server);
            note = "@cert-authority lines were ignored";
        }
        throw new HostKeyUnknownException(server, host, port, name, key, note);
    }
}
