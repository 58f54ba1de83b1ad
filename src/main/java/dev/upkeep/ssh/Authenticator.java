package dev.upkeep.ssh;

import com.hierynomus.sshj.key.KeyAlgorithm;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public-key authentication in OpenSSH's order: agent keys first (with IdentitiesOnly only those that match a
 * configured identity file), then identity files (configured ones, else the default ~/.ssh/id_* that exist).
 */
final class Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final Path agentSocket;
    private final Passphrases passphrases;
    private final Path sshDir;
    private final Map<Path, Object> keyLocks = new ConcurrentHashMap<>();

    Authenticator(Path agentSocket, Passphrases passphrases, Path sshDir) {
        this.agentSocket = agentSocket;
        this.passphrases = passphrases;
        this.sshDir = sshDir;
    }

    /** @param accepted the signature algorithms PubkeyAcceptedAlgorithms allows, most preferred first */
    void authenticate(SSHClient client, HostSettings s, String server, List<Factory.Named<KeyAlgorithm>> accepted)
            throws SshException {
        List<String> acceptedNames = accepted.stream().map(Factory.Named::getName).toList();
        List<String> tried = new ArrayList<>();
        UserAuthException last = null;
        List<Path> files = identityFiles(s);
        List<byte[]> offered = new ArrayList<>();
        for (AgentIdentity id : agentIdentities(s, files)) {
            tried.add(id.toString());
            offered.add(id.blob());
            AgentAuthMethod method = new AgentAuthMethod(new AgentClient(agentSocket), id, acceptedNames);
            if (!method.hasAlgorithm()) {
                tried.set(tried.size() - 1, id + " (PubkeyAcceptedAlgorithms allows no algorithm for it)");
                continue;
            }
            last = attempt(client, s.user(), method, server, last);
            if (client.isAuthenticated()) {
                return;
            }
        }
        for (Path file : files) {
            byte[] pub = KeyFileProvider.publicBlob(file);
            if (pub != null && offered.stream().anyMatch(b -> Arrays.equals(b, pub))) {
                continue; // the agent already offered this key
            }
            KeyProvider keys;
            try {
                Passphrases.Finder finder = passphrases.finder(file);
                keys = new KeyFileProvider(client.loadKeys(file.toString(), finder), finder,
                        keyLocks.computeIfAbsent(file, f -> new Object()), file);
            } catch (IOException | RuntimeException e) {
                tried.add("key file " + file + " (unreadable: " + e.getMessage() + ")");
                continue;
            }
            tried.add("key file " + file);
            UserAuthException before = last;
            last = attempt(client, s.user(), new AcceptedPublickey(keys, accepted), server, last);
            String noAlgorithm = last == before ? null : AcceptedPublickey.noneAccepted(last);
            if (noAlgorithm != null) {
                tried.set(tried.size() - 1, "key file " + file + " (" + noAlgorithm + ")");
            }
            if (client.isAuthenticated()) {
                return;
            }
        }
        throw new AuthFailedException(server, s.user(), tried, last);
    }

    private static UserAuthException attempt(SSHClient client, String user, AuthMethod method, String server,
                                             UserAuthException last) throws SshException {
        try {
            client.auth(user, method);
            return last;
        } catch (UserAuthException e) {
            LOG.debug("{}: {} refused: {}", server, method, e.toString());
            return e;
        } catch (TransportException e) {
            throw new ConnectionLostException(server, "connection dropped during authentication: " + e.getMessage(), e);
        }
    }

    private List<Path> identityFiles(HostSettings s) {
        List<Path> files = new ArrayList<>();
        if (s.identityFiles().isEmpty()) {
            for (String name : DEFAULT_KEYS) {
                files.add(sshDir.resolve(name));
            }
        } else {
            files.addAll(s.identityFiles());
        }
        return files.stream().filter(Files::isRegularFile).distinct().toList();
    }

    private List<AgentIdentity> agentIdentities(HostSettings s, List<Path> files) {
        if (agentSocket == null || !Files.exists(agentSocket)) {
            return List.of();
        }
        List<AgentIdentity> ids;
        try {
            ids = new AgentClient(agentSocket).identities();
        } catch (IOException e) {
            LOG.warn("ssh-agent at {} did not answer: {}", agentSocket, e.toString());
            return List.of();
        }
        if (!s.identitiesOnly()) {
            return ids;
        }
        List<byte[]> allowed = files.stream().map(KeyFileProvider::publicBlob).filter(b -> b != null).toList();
        return ids.stream().filter(id -> allowed.stream().anyMatch(id::sameKey)).toList();
    }
}
