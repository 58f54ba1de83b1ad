package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.ssh.ConnectionPool;
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

    public SshStatusService(PassphraseProvider passphrases) {
        this.passphrases = passphrases;
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

    @Override
    public void trust(Workspace workspace, List<UnknownHostKey> keys) throws IOException {
        KnownHosts known = new KnownHosts(SshSettings.options(workspace).knownHosts(), List.of());
        for (UnknownHostKey k : keys) known.accept(k.host(), k.port(), k.key());
    }

    private StatusJob job(Workspace ws, ServerRef ref, ConnectionPool pool, boolean updateLists) {
        Application app = ws.application(ref.application()).orElseThrow(() -> new IllegalArgumentException("no application " + ref.application()));
        Server server = app.servers().stream().filter(s -> s.name().equals(ref.server())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server " + ref));
        return new StatusJob(ref, server, SshSettings.request(ws, server), pool, updateLists, timers, PROBE_TIMEOUT);
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
