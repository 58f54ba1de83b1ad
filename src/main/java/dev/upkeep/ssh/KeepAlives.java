package dev.upkeep.ssh;

import net.schmizz.sshj.SSHClient;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive for every connection of one connector on one shared scheduler thread, instead of sshj's thread per
 * connection that sleeps between two requests. Each registered connection gets a {@link KeepAliveBeat} ticking at
 * its own interval; the ticks never wait for the server (sends and the ending of a lost connection run on the
 * workers), so one hung server cannot delay the others. sshj's own keep-alive is left at interval zero (disabled),
 * so sshj starts no thread for it at connect.
 */
final class KeepAlives {
    private final ScheduledExecutorService timers;
    private final Executor workers;
    private final Set<KeepAliveBeat> live = ConcurrentHashMap.newKeySet();

    KeepAlives(ScheduledExecutorService timers, Executor workers) {
        this.timers = timers;
        this.workers = workers;
    }

    /**
     * Starts keep-alive for one hop of a new connection with the config's ServerAliveInterval and
     * ServerAliveCountMax when it sets an interval, else with Upkeep's; none when the interval is zero.
     */
    Optional<KeepAliveBeat> start(SSHClient client, HostSettings hop, SshOptions options) {
        boolean fromConfig = !hop.serverAliveInterval().isZero();
        Duration interval = fromConfig ? hop.serverAliveInterval() : options.keepAliveInterval();
        if (interval.isZero()) {
            return Optional.empty();
        }
        return Optional.of(register(client, interval, fromConfig ? hop.serverAliveCountMax() : options.keepAliveCountMax()));
    }

    /**
     * Starts keep-alive for a connected, authenticated {@code client}: a request every {@code interval} (whole
     * seconds, at least one, as ServerAliveInterval), the connection ended as lost when {@code countMax} are
     * unanswered. Stop the result when the connection closes; a connection that dies on its own leaves by itself.
     */
    KeepAliveBeat register(SSHClient client, Duration interval, int countMax) {
        int seconds = (int) Math.max(1, interval.toSeconds());
        KeepAliveBeat beat = new KeepAliveBeat(client.getConnection(), seconds, countMax, workers, live::remove);
        live.add(beat);
        beat.scheduled(timers.scheduleWithFixedDelay(beat::tick, seconds, seconds, TimeUnit.SECONDS));
        return beat;
    }

    /** The connections being kept alive now (a closed or dead one is gone from here and from the scheduler). */
    int live() {
        return live.size();
    }

    /** Keep-alive requests answered so far by the server of each live connection, summed (for tests). */
    long answered() {
        return live.stream().mapToLong(KeepAliveBeat::answered).sum();
    }
}
