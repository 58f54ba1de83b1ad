package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.ssh.ConnectionPool;
import dev.upkeep.ssh.HostKeyName;
import dev.upkeep.ssh.KnownHosts;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.ssh.SshConnector;
import dev.upkeep.ssh.SshOptions;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The real status service: probes servers over SSH, at most {@code settings.concurrency} at once, keeping each
 * server's connection open for the next refresh. One connector (and connection pool) per distinct SSH setting.
 */
public final class SshStatusService implements StatusService, AutoCloseable {
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(120);

    private final PassphraseProvider passphrases;
    private final ExecutorService workers = Executors.newCachedThreadPool(Threads.named("upkeep-status"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(Threads.named("upkeep-timeout"));
    private final Map<SshOptions, ConnectionPool> pools = new ConcurrentHashMap<>();
    private final StatusLimits limits;

    public SshStatusService(PassphraseProvider passphrases) {
        this(passphrases, StatusLimits.DEFAULT);
    }

    /** With other command bounds (tests: a hung probe in seconds rather than half a minute). */
    SshStatusService(PassphraseProvider passphrases, StatusLimits limits) {
        this.passphrases = passphrases;
        this.limits = limits;
    }

    public SshStatusService() {
        this(PassphraseProvider.NONE);
    }

    /** Key passphrases are asked through the prompt (once per key file; kept in memory by the SSH layer). */
    public static SshStatusService asking(SecretPrompt prompt) {
        return new SshStatusService(passphrases(prompt));
    }

    /** Key passphrases asked through a person-facing prompt (the window's dialog). */
    public static PassphraseProvider passphrases(SecretPrompt prompt) {
        return (keyFile, attempt) -> prompt.ask("Key passphrase",
                (attempt > 1 ? "Wrong passphrase. " : "") + "Passphrase for " + keyFile + ":");
    }

    @Override
    public RefreshHandle refresh(Workspace workspace, Collection<ServerRef> servers, boolean updateLists, StatusListener listener) {
        ConnectionPool pool = pool(workspace);
        List<StatusJob> jobs = servers.stream().map(ref -> job(workspace, ref, pool, updateLists)).toList();
        return BoundedRun.start(jobs, workspace.settings().concurrency(), workers, listener);
    }

    /** Records first-contact keys; a possible substitution among them is refused (it needs its own confirmation). */
    @Override
    public void trust(Workspace workspace, List<UnknownHostKey> keys) throws IOException {
        for (UnknownHostKey k : keys) {
            if (k.substitution()) {
                throw new IllegalArgumentException(k.server() + ": the offered " + k.keyType() + " key replaces keys"
                        + " known_hosts holds for this server; it is trusted only on its own, explicit confirmation");
            }
        }
        KnownHosts known = new KnownHosts(SshSettings.options(workspace).knownHosts(), List.of());
        for (UnknownHostKey k : keys) known.accept(new HostKeyName(k.knownHostsName(), k.hashed()), k.key());
    }

    @Override
    public void trustSubstitution(Workspace workspace, UnknownHostKey key) throws IOException {
        // Added beside the known keys, not replacing them: ssh does the same, and removing lines is the user's call.
        new KnownHosts(SshSettings.options(workspace).knownHosts(), List.of())
                .accept(new HostKeyName(key.knownHostsName(), key.hashed()), key.key());
    }

    private StatusJob job(Workspace ws, ServerRef ref, ConnectionPool pool, boolean updateLists) {
        Application app = ws.application(ref.application()).orElseThrow(() -> new IllegalArgumentException("no application " + ref.application()));
        Server server = app.servers().stream().filter(s -> s.name().equals(ref.server())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server " + ref));
        return new StatusJob(ref, server, SshSettings.request(ws, server), pool, updateLists, timers, PROBE_TIMEOUT, limits);
    }

    private ConnectionPool pool(Workspace ws) {
        return pools.computeIfAbsent(SshSettings.options(ws), o -> new ConnectionPool(new SshConnector(o, passphrases)));
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timers.shutdownNow();
        pools.values().forEach(ConnectionPool::close);
        pools.clear();
    }
}
