package dev.upkeep.run;

import dev.upkeep.fleet.Server;
import dev.upkeep.remote.ProbeException;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.CommandTimeoutException;
import dev.upkeep.ssh.ConnectRequest;
import dev.upkeep.ssh.ConnectionLostException;
import dev.upkeep.ssh.ConnectionPool;
import dev.upkeep.ssh.HostKeySubstitutedException;
import dev.upkeep.ssh.HostKeyUnknownException;
import dev.upkeep.ssh.OutputLimitException;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One server's read: connect (or reuse the status refresh's pooled connection), ask, and turn every failure into an
 * answer that says why: unreachable, a host key to trust first, no answer in time, too much output, nonsense.
 */
final class ReadJob<T> implements BoundedRun.Job<ServerAnswer<T>> {
    private final ServerRef ref;
    private final Server server;
    private final ConnectRequest request;
    private final ConnectionPool pool;
    private final ServerRead<T> read;
    private final ScheduledExecutorService timers;
    private final Duration timeout;
    private final AnswerListener<T> listener;

    ReadJob(ServerRef ref, Server server, ConnectRequest request, ConnectionPool pool, ServerRead<T> read,
            ScheduledExecutorService timers, Duration timeout, AnswerListener<T> listener) {
        this.ref = ref;
        this.server = server;
        this.request = request;
        this.pool = pool;
        this.read = read;
        this.timers = timers;
        this.timeout = timeout;
        this.listener = listener;
    }

    @Override
    public ServerRef ref() {
        return ref;
    }

    @Override
    public ServerAnswer<T> run(Cancellation token) {
        ScheduledFuture<?> timer = timers.schedule(token::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            try {
                return ServerAnswer.of(ref, read.read(pool.get(request), server, token));
            } catch (ConnectionLostException e) {
                // a pooled connection may have died since it was last used: one fresh try (the read changes nothing)
                pool.evict(request);
                return ServerAnswer.of(ref, read.read(pool.get(request), server, token));
            }
        } catch (HostKeySubstitutedException e) {
            listener.hostKeyUnknown(new UnknownHostKey(ref, e.host(), e.port(), e.keyType(), e.offeredFingerprint(),
                    e.key(), e.hostKeyName().name(), e.hostKeyName().hashed(), e.knownKeys().stream()
                    .map(k -> new UnknownHostKey.KnownKey(k.keyType(), k.fingerprint(), k.file() + ":" + k.line())).toList()));
            return failed(e.getMessage());
        } catch (HostKeyUnknownException e) {
            listener.hostKeyUnknown(new UnknownHostKey(ref, e.host(), e.port(), e.keyType(), e.fingerprint(), e.key(),
                    e.hostKeyName().name(), e.hostKeyName().hashed(), List.of()));
            return failed(e.getMessage());
        } catch (CommandTimeoutException e) {
            pool.evict(request);
            return failed(token.isCancelled() ? cancelled() : read.what() + ": " + e.reason() + "; stopped");
        } catch (OutputLimitException e) {
            pool.evict(request);
            return failed(read.what() + " " + e.reason() + "; stopped (a broken or hostile server?)");
        } catch (SshException e) {
            return failed(token.isCancelled() ? cancelled() : e.getMessage());
        } catch (ProbeException e) {
            return failed(read.what() + " failed: " + e.getMessage());
        } finally {
            timer.cancel(false);
        }
    }

    private String cancelled() {
        return "cancelled (or no answer within " + timeout.toSeconds() + " s)";
    }

    private ServerAnswer<T> failed(String error) {
        return ServerAnswer.failed(ref, error);
    }
}
