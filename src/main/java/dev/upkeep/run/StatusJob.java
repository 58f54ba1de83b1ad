package dev.upkeep.run;

import dev.upkeep.fleet.NegotiatedKex;
import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.remote.PackageLists;
import dev.upkeep.remote.PatchFacts;
import dev.upkeep.remote.ProbeCache;
import dev.upkeep.remote.ProbeException;
import dev.upkeep.remote.StatusProbe;
import dev.upkeep.remote.StatusRoundTrip;
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
import java.util.concurrent.atomic.AtomicBoolean;

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
        List<String> out = new ArrayList<>();
        LastLines err = new LastLines();
        long t1 = System.nanoTime();
        RoundTrip trip = roundTrip(connection, token, out, err);
        if (token.isCancelled()) {
            return unreachable(cancelledMessage());
        }
        long t2 = System.nanoTime();
        StatusRoundTrip.Parts parts = StatusRoundTrip.Parts.of(out);
        ServerStatus status = StatusProbe.parse(ref.application(), ref.server(), String.join("\n", parts.probe()),
                Instant.now()).withKex(kexOf(connection));
        if (trip.result != null && !trip.result.succeeded()) {
            return status.withError("status probe exited with " + trip.result.exitStatus() + lastLine(err));
        }
        long t3 = System.nanoTime();
        status = patchFacts(parts.facts(), trip, status);
        if (TIMING.isDebugEnabled()) {
            TIMING.debug("{} connection_ms={} round_trip_ms={} parse_ms={} facts_parse_ms={}", ref.server(), ms(t1 - t0),
                    ms(t2 - t1), ms(t3 - t2), ms(System.nanoTime() - t3));
        }
        return listsError == null ? status : status.withError(listsError);
    }

    /** How the one command ended: its result, or why its patch-facts part was stopped or cut. */
    private record RoundTrip(CommandResult result, String factsStopped, boolean factsCut) {
    }

    /**
     * The probe and the patch facts in one command. The probe's own bounds hold until it finished (a hung or flooding
     * probe ends the server's status as before); past that, a hung or flooding facts part leaves the probe's status
     * standing, with the facts unknown or partial.
     */
    private RoundTrip roundTrip(SshConnection connection, Cancellation token, List<String> out, LastLines err)
            throws SshException {
        AtomicBoolean inFacts = new AtomicBoolean();
        try {
            return new RoundTrip(connection.exec(StatusRoundTrip.command(probeCache, server.sudo()),
                    StatusRoundTrip.stdin(probeCache), limits.roundTrip(), (stream, line) -> {
                        if (stream == OutputListener.Stream.STDOUT) {
                            out.add(line);
                            if (line.equals(StatusRoundTrip.FACTS_MARK)) {
                                inFacts.set(true);
                            }
                        } else if (!inFacts.get()) {
                            err.add(line);
                        }
                    }, token), null, false);
        } catch (OutputLimitException e) {
            if (!inFacts.get()) {
                throw e;
            }
            return new RoundTrip(null, null, true); // the history is the long part and comes last: kept, said partial
        } catch (CommandTimeoutException e) {
            if (!inFacts.get() || token.isCancelled()) {
                throw e;
            }
            // A connection that let a command hang may be no better: start afresh next time.
            pool.evict(request);
            return new RoundTrip(null, "restart check " + e.reason() + "; stopped", false);
        }
    }

    /**
     * Services still using replaced libraries, the kernels and the last security upgrade. When this part cannot
     * answer (it hung, printed nonsense, never started), the probe's status stands and these facts say why they are
     * unknown.
     */
    private ServerStatus patchFacts(List<String> lines, RoundTrip trip, ServerStatus status) {
        if (trip.factsStopped != null) {
            return status.withPatchFacts(RestartNeeds.cannotLook(trip.factsStopped, null), null);
        }
        if (lines == null) {
            return status.withPatchFacts(RestartNeeds.cannotLook("restart check did not run: the status probe's output"
                    + " ended before it", null), null);
        }
        try {
            PatchFacts.Result facts = PatchFacts.parse(ref.server(), lines, server.sudo(), trip.factsCut);
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
