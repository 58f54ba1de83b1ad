package dev.upkeep.run;

import dev.upkeep.fleet.NegotiatedKex;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.remote.ProbeException;
import dev.upkeep.remote.Shell;
import dev.upkeep.remote.StatusProbe;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ssh.ConnectionLostException;
import dev.upkeep.ssh.ConnectionPool;
import dev.upkeep.ssh.HostKeyUnknownException;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshConnection;
import dev.upkeep.ssh.SshException;
import dev.upkeep.ssh.kex.Negotiated;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One server's status: connect (or reuse), optionally update the package lists, run the probe, parse. */
final class StatusJob {
    /** The stamp tells the status probe when the lists were last fetched, even when no Release file changed. */
    static final String UPDATE_LISTS = "apt-get -q update && mkdir -p /var/lib/apt/periodic"
            + " && touch /var/lib/apt/periodic/update-success-stamp";

    private final ServerRef ref;
    private final Server server;
    private final ConnectRequest request;
    private final ConnectionPool pool;
    private final boolean updateLists;
    private final ScheduledExecutorService timers;
    private final Duration timeout;

    StatusJob(ServerRef ref, Server server, ConnectRequest request, ConnectionPool pool, boolean updateLists,
              ScheduledExecutorService timers, Duration timeout) {
        this.ref = ref;
        this.server = server;
        this.request = request;
        this.pool = pool;
        this.updateLists = updateLists;
        this.timers = timers;
        this.timeout = timeout;
    }

    ServerRef ref() {
        return ref;
    }

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
        } catch (HostKeyUnknownException e) {
            listener.hostKeyUnknown(new UnknownHostKey(ref, e.host(), e.port(), e.keyType(), e.fingerprint(), e.key()));
            return unreachable(e.getMessage());
        } catch (SshException e) {
            return unreachable(token.isCancelled() ? cancelledMessage() : e.getMessage());
        } catch (ProbeException e) {
            return unreachable("status probe failed: " + e.getMessage());
        } finally {
            timer.cancel(false);
        }
    }

    private ServerStatus probe(Cancellation token) throws SshException {
        SshConnection connection = pool.get(request);
        String listsError = updateLists ? updateLists(connection, token) : null;
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        CommandResult result = connection.exec(Shell.script(StatusProbe.script()), collect(out, err), token);
        if (token.isCancelled()) return unreachable(cancelledMessage());
        ServerStatus status = StatusProbe.parse(ref.application(), ref.server(), out.toString(), Instant.now())
                .withKex(kexOf(connection));
        if (!result.succeeded()) return status.withError("status probe exited with " + result.exitStatus() + lastLine(err));
        return listsError == null ? status : status.withError(listsError);
    }

    private static NegotiatedKex kexOf(SshConnection connection) {
        Negotiated n = connection.negotiated();
        return n == null ? null : new NegotiatedKex(n.kex(), n.postQuantum());
    }

    private String updateLists(SshConnection connection, Cancellation token) throws SshException {
        StringBuilder err = new StringBuilder();
        CommandResult r = connection.exec(Shell.privileged(server.sudo(), UPDATE_LISTS), collect(new StringBuilder(), err), token);
        if (r.succeeded()) return null;
        return "apt-get update failed (exit " + r.exitStatus() + ")" + lastLine(err)
                + (server.sudo() ? "" : " — does this server need 'sudo: true'?");
    }

    private static OutputListener collect(StringBuilder out, StringBuilder err) {
        return (stream, line) -> (stream == OutputListener.Stream.STDOUT ? out : err).append(line).append('\n');
    }

    private static String lastLine(StringBuilder err) {
        String text = err.toString().strip();
        if (text.isEmpty()) return "";
        String[] lines = text.split("\n");
        return ": " + lines[lines.length - 1];
    }

    private String cancelledMessage() {
        return "cancelled (or no answer within " + timeout.toSeconds() + " s)";
    }

    private ServerStatus unreachable(String error) {
        return ServerStatus.unreachable(ref.application(), ref.server(), error, Instant.now());
    }
}
