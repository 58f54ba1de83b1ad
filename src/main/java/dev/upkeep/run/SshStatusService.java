package dev.upkeep.run;

import dev.upkeep.base.Threads;
import dev.upkeep.debian.PackageFinding;
import dev.upkeep.debian.PackagePattern;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.history.PatchHistory;
import dev.upkeep.remote.PackageQuery;
import dev.upkeep.remote.ProbeCache;
import dev.upkeep.ssh.ConnectionPool;
import dev.upkeep.ssh.HostKeyName;
import dev.upkeep.ssh.KnownHosts;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.ssh.SshConnector;
import dev.upkeep.ssh.SshOptions;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The real status service: probes servers over SSH, at most {@code settings.concurrency} at once, keeping each
 * server's connection open for the next refresh (the window), or closing it as soon as that server has answered (a
 * command, {@link #forOneCommand}). One connector (and connection pool) per distinct SSH setting.
 */
public final class SshStatusService implements StatusService, AutoCloseable {
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(120);

    private final PassphraseProvider passphrases;
    private final ExecutorService workers = Executors.newCachedThreadPool(Threads.named("upkeep-status"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(Threads.named("upkeep-timeout"));
    private final Map<SshOptions, ConnectionPool> pools = new ConcurrentHashMap<>();
    private final StatusLimits limits;
    private final boolean keepConnections;

    public SshStatusService(PassphraseProvider passphrases) {
        this(passphrases, StatusLimits.DEFAULT, true);
    }

    /** With other command bounds (tests: a hung probe in seconds rather than half a minute). */
    SshStatusService(PassphraseProvider passphrases, StatusLimits limits) {
        this(passphrases, limits, true);
    }

    private SshStatusService(PassphraseProvider passphrases, StatusLimits limits, boolean keepConnections) {
        this.passphrases = passphrases;
        this.limits = limits;
        this.keepConnections = keepConnections;
    }

    /**
     * For a command that asks each server once: a server's connection is closed when its answer is in, so a refresh
     * holds at most {@code concurrency} connections (each with sshj's threads and buffers) rather than all of them
     * until the command ends. A later question to the same server connects again.
     */
    public static SshStatusService forOneCommand(PassphraseProvider passphrases) {
        return new SshStatusService(passphrases, StatusLimits.DEFAULT, false);
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
        return refresh(workspace, servers, updateLists, updateLists, listener);
    }

    @Override
    public RefreshHandle refresh(Workspace workspace, Collection<ServerRef> servers, boolean updateLists,
                                 boolean recompute, StatusListener listener) {
        ConnectionPool pool = pool(workspace);
        // Fresh package lists change what apt would do: never answer from the probe's cache right after an update.
        ProbeCache cache = recompute || updateLists ? ProbeCache.REFRESH : ProbeCache.USE;
        List<BoundedRun.Job<ServerStatus>> jobs = servers.stream().map(ref -> job(workspace, ref, pool, updateLists, cache))
                .map(job -> BoundedRun.Job.<ServerStatus>of(job.ref(), token -> job.run(token, listener))).toList();
        BoundedRun<ServerStatus> run = BoundedRun.start(jobs, workspace.settings().concurrency(), workers,
                new BoundedRun.Events<>() {
                    @Override
                    public void started(ServerRef ref) {
                        listener.started(ref);
                    }

                    @Override
                    public void finished(ServerRef ref, ServerStatus status) {
                        done(workspace, ref, pool);
                        listener.finished(ref, status);
                    }
                });
        return new RefreshHandle() {
            @Override
            public void cancel() {
                run.cancel();
            }

            @Override
            public CompletableFuture<List<ServerStatus>> completion() {
                return run.completion();
            }
        };
    }

    @Override
    public QueryHandle<ServerAnswer<List<PackageFinding>>> packages(Workspace workspace, Collection<ServerRef> servers,
                                                                   List<PackagePattern> patterns,
                                                                   AnswerListener<List<PackageFinding>> listener) {
        return ask(workspace, servers, new PackageRead(new PackageQuery(patterns)), listener);
    }

    @Override
    public QueryHandle<ServerAnswer<PatchHistory>> history(Workspace workspace, Collection<ServerRef> servers,
                                                          Instant since, RunHistory runs,
                                                          AnswerListener<PatchHistory> listener) {
        RunRecords records = RunRecords.of(runs);
        ConnectionPool pool = pool(workspace);
        List<ReadJob<PatchHistory>> jobs = servers.stream().map(ref -> new ReadJob<>(ref, server(workspace, ref),
                SshSettings.request(workspace, server(workspace, ref)), pool, new HistoryReadJob(ref, since, records::on),
                timers, PROBE_TIMEOUT, listener)).toList();
        return start(workspace, jobs, pool, listener);
    }

    /** Asks every server the same read-only question, with the refresh's pooled connections and concurrency. */
    <T> QueryHandle<ServerAnswer<T>> ask(Workspace workspace, Collection<ServerRef> servers, ServerRead<T> read,
                                         AnswerListener<T> listener) {
        ConnectionPool pool = pool(workspace);
        List<ReadJob<T>> jobs = servers.stream().map(ref -> new ReadJob<>(ref, server(workspace, ref),
                SshSettings.request(workspace, server(workspace, ref)), pool, read, timers, PROBE_TIMEOUT, listener)).toList();
        return start(workspace, jobs, pool, listener);
    }

    private <T> QueryHandle<ServerAnswer<T>> start(Workspace workspace, List<ReadJob<T>> jobs, ConnectionPool pool,
                                                   AnswerListener<T> listener) {
        return BoundedRun.start(jobs, workspace.settings().concurrency(), workers, new BoundedRun.Events<>() {
            @Override
            public void started(ServerRef ref) {
                listener.started(ref);
            }

            @Override
            public void finished(ServerRef ref, ServerAnswer<T> answer) {
                done(workspace, ref, pool);
                listener.finished(answer);
            }
        });
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
        for (UnknownHostKey k : keys) {
            known.accept(new HostKeyName(k.knownHostsName(), k.hashed()), k.key());
        }
    }

    @Override
    public void trustSubstitution(Workspace workspace, UnknownHostKey key) throws IOException {
        // Added beside the known keys, not replacing them: ssh does the same, and removing lines is the user's call.
        new KnownHosts(SshSettings.options(workspace).knownHosts(), List.of())
                .accept(new HostKeyName(key.knownHostsName(), key.hashed()), key.key());
    }

    private static Server server(Workspace ws, ServerRef ref) {
        Application app = ws.application(ref.application()).orElseThrow(() -> new IllegalArgumentException("no application " + ref.application()));
        return app.servers().stream().filter(s -> s.name().equals(ref.server())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server " + ref));
    }

    private StatusJob job(Workspace ws, ServerRef ref, ConnectionPool pool, boolean updateLists, ProbeCache cache) {
        Server server = server(ws, ref);
        return new StatusJob(ref, server, SshSettings.request(ws, server), pool, updateLists, timers, PROBE_TIMEOUT, limits)
                .probeCache(cache);
    }

    private void done(Workspace ws, ServerRef ref, ConnectionPool pool) {
        if (!keepConnections) {
            pool.evict(SshSettings.request(ws, server(ws, ref)));
        }
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
