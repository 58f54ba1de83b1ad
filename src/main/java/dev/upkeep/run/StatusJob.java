package dev.upkeep.run;

import dev.upkeep.fleet.NegotiatedKex;
import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.remote.PackageLists;
import dev.upkeep.remote.PatchFacts;
import dev.upkeep.remote.ProbeCache;
import dev.upkeep.remote.ProbeException;
import dev.upkeep.remote.Shell;
import dev.upkeep.remote.StatusProbe;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.CommandTimeoutException;
import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ssh.ConnectionLostException;
import dev.upkeep.ssh.ConnectionPool;
import dev.upkeep.ssh.HostKeySubstitutedException;
import dev.upkeep.ssh.HostKeyUnknownException;
import dev.upkeep.ssh.OutputLimitException;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;
import dev.upkeep.ssh.kex.Negotiated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One server's status: connect (or reuse), optionally update the package lists, run the probe, parse. */
final class StatusJob {
    /** Where a cold refresh spends its time (bench/where-time-goes reads it); off unless asked for. */
    private static final Logger TIMING = LoggerFactory.getLogger("dev.upkeep.timing");
    private final ServerRef ref;
    private final Server server;
    private final ConnectRequest request;
    private final ConnectionPool pool;
    private final boolean updateLists;
    private final ScheduledExecutorService timers;
    private final Duration timeout;
    private final StatusLimits limits;
    private ProbeCache probeCache = ProbeCache.USE;

    StatusJob(ServerRef ref, Server server, ConnectRequest request, ConnectionPool pool, boolean updateLists,
              ScheduledExecutorService timers, Duration timeout) {
        this(ref, server, request, pool, updateLists, timers, timeout, StatusLimits.DEFAULT);
    }

    StatusJob(ServerRef ref, Server server, ConnectRequest request, ConnectionPool pool, boolean updateLists,
              ScheduledExecutorService timers, Duration timeout, StatusLimits limits) {
        this.ref = ref;
        this.server = server;
        this.request = request;
        this.pool = pool;
        this.updateLists = updateLists;
        this.timers = timers;
        this.timeout = timeout;
        this.limits = limits;
    }

    /** How the probe uses its cache on the server; set before {@link #run}. */
    StatusJob probeCache(ProbeCache cache) {
        this.probeCache = cache;
        return this;
    }

    ServerRef ref() {
        return ref;
    }

    /** What the job is doing, for messages about a stopped command. */
    private volatile String step = "connecting";

    ServerStatus run(Cancellation token, StatusListener listener) {
        ScheduledFuture<?> timer = timers.schedule(token::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            try {
                return probe(token);
            } catch (ConnectionLostException e) {
                // A pooled connection may have died since the last refresh (server rebooted, NAT timeout): one fresh try.
                pool.evict(request);
                return probe(token);
            }
        } catch (HostKeySubstitutedException e) {
            listener.hostKeyUnknown(new UnknownHostKey(ref, e.host(), e.port(), e.keyType(), e.offeredFingerprint(),
                    e.key(), e.hostKeyName().name(), e.hostKeyName().hashed(), e.knownKeys().stream()
                    .map(k -> new UnknownHostKey.KnownKey(k.keyType(), k.fingerprint(), k.file() + ":" + k.line())).toList()));
            return unreachable(e.getMessage());
        } catch (HostKeyUnknownException e) {
            listener.hostKeyUnknown(new UnknownHostKey(ref, e.host(), e.port(), e.keyType(), e.fingerprint(), e.key(),
                    e.hostKeyName().name(), e.hostKeyName().hashed(), List.of()));
            return unreachable(e.getMessage());
        } catch (CommandTimeoutException e) {
            // The command was stopped; a connection that let a command hang may be no better: start afresh next time.
            pool.evict(request);
            return unreachable(token.isCancelled() ? cancelledMessage() : step + ": " + e.reason() + "; stopped");
        } catch (OutputLimitException e) {
            pool.evict(request);
            return unreachable(step + " " + e.reason() + "; stopped (a broken or hostile server?)");
        } catch (SshException e) {
            return unreachable(token.isCancelled() ? cancelledMessage() : e.getMessage());
        } catch (ProbeException e) {
            return unreachable("status probe failed: " + e.getMessage());
        } finally {
            timer.cancel(false);
        }
    }

    private ServerStatus probe(Cancellation token) throws SshException {
        long t0 = System.nanoTime();
        SshConnection connection = pool.get(request);
        step = PackageLists.STEP;
        String listsError = updateLists ? updateLists(connection, token) : null;
        step = "status probe";
        StringBuilder out = new StringBuilder();
        LastLines err = new LastLines();
        long t1 = System.nanoTime();
        CommandResult result = connection.exec(Shell.script(StatusProbe.script(probeCache)), null, limits.probe(),
                collect(out, err), token);
        if (token.isCancelled()) {
            return unreachable(cancelledMessage());
        }
        long t2 = System.nanoTime();
        ServerStatus status = StatusProbe.parse(ref.application(), ref.server(), out.toString(), Instant.now())
                .withKex(kexOf(connection));
        if (!result.succeeded()) {
            return status.withError("status probe exited with " + result.exitStatus() + lastLine(err));
        }
        step = "restart check";
        long t3 = System.nanoTime();
        status = patchFacts(connection, token, status);
        if (token.isCancelled()) {
            return unreachable(cancelledMessage());
        }
        if (TIMING.isDebugEnabled()) {
            TIMING.debug("{} connection_ms={} probe_ms={} parse_ms={} patch_facts_ms={}", ref.server(), ms(t1 - t0),
                    ms(t2 - t1), ms(t3 - t2), ms(System.nanoTime() - t3));
        }
        return listsError == null ? status : status.withError(listsError);
    }

    /**
     * Services still using replaced libraries, the kernels and the last security upgrade. Its own step: when it
     * cannot answer (it hung, printed nonsense), the probe's status stands and these facts say why they are unknown.
     */
    private ServerStatus patchFacts(SshConnection connection, Cancellation token, ServerStatus status) throws SshException {
        List<String> lines = new ArrayList<>();
        boolean cut = false;
        try {
            connection.exec(PatchFacts.command(server.sudo()), PatchFacts.stdin(), limits.patchFacts(),
                    (stream, line) -> {
                        if (stream == OutputListener.Stream.STDOUT) {
                            lines.add(line);
                        }
                    }, token);
        } catch (OutputLimitException e) {
            cut = true; // the history is the long part and comes last: what arrived is kept, said to be partial
        } catch (CommandTimeoutException e) {
            if (token.isCancelled()) {
                throw e;
            }
            pool.evict(request);
            return status.withPatchFacts(RestartNeeds.cannotLook("restart check " + e.reason() + "; stopped", null), null);
        }
        try {
            PatchFacts.Result facts = PatchFacts.parse(ref.server(), lines, server.sudo(), cut);
            return status.withPatchFacts(facts.restart(), facts.age());
        } catch (ProbeException e) {
            return status.withPatchFacts(RestartNeeds.cannotLook("restart check failed: " + e.getMessage(), null), null);
        }
    }

    private static NegotiatedKex kexOf(SshConnection connection) {
        Negotiated n = connection.negotiated();
        return n == null ? null : new NegotiatedKex(n.kex(), n.postQuantum());
    }

    private String updateLists(SshConnection connection, Cancellation token) throws SshException {
        LastLines err = new LastLines();
        CommandResult r = connection.exec(PackageLists.updateCommand(server.sudo()), null, limits.updateLists(),
                (stream, line) -> err.add(line), token);
        if (r.succeeded()) {
            return null;
        }
        return PackageLists.failure(r.exitStatus(), err.last(), server.sudo());
    }

    /** stdout is the probe's report (bounded by the probe's limits); of stderr only the last line is ever shown. */
    private static OutputListener collect(StringBuilder out, LastLines err) {
        return (stream, line) -> {
            if (stream == OutputListener.Stream.STDOUT) {
                out.append(line).append('\n');
            } else {
                err.add(line);
            }
        };
    }

    private static String lastLine(LastLines err) {
        String last = err.last();
        return last == null ? "" : ": " + last;
    }

    /** The last non-blank line seen, cut to a readable length. */
    private static final class LastLines {
        private String last;

        synchronized void add(String line) {
            String s = line.strip();
            if (!s.isEmpty()) {
                last = s.length() > 500 ? s.substring(0, 500) + "…" : s;
            }
        }

        synchronized String last() {
            return last;
        }
    }

    private String cancelledMessage() {
        return "cancelled (or no answer within " + timeout.toSeconds() + " s)";
    }

    private ServerStatus unreachable(String error) {
        return ServerStatus.unreachable(ref.application(), ref.server(), error, Instant.now());
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
