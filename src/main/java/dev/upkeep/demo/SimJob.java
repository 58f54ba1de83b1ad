package dev.upkeep.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A job detached on a simulated server, as Upkeep starts them on real ones (systemd-run, else nohup setsid): it writes
 * its log line by line at the demo's pace and its exit status last (/var/log/upkeep/KIND-RUN_ID.log and .status). A
 * reboot kills it midway, like a real one: then it has no exit status and a follower reports it lost. The Docker and
 * Weave jobs also stop at their safe points when asked to (job-cancel.sh) or when their time limit is up
 * (job-prologue.sh); the security upgrade has neither.
 */
abstract class SimJob implements Runnable {
    /** Exit statuses of job-prologue.sh's safe points. */
    static final int CANCELLED = 20;
    static final int TIMED_OUT = 21;
    private static final String LOCK = "/var/lib/dpkg/lock-frontend held by 1873(unattended-upgr)";

    /** The job's script ended with this status (exit N in the shell). */
    static final class Exit extends Exception {
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    final SimHost host;
    final String kind;
    final String runId;
    final DemoPace pace;
    private final long deadlineNanos;
    private final long limitSeconds;
    private final List<String> log = new ArrayList<>();
    private Integer exit;
    /** When the exit status was written (the .status file's modification time). */
    private Instant endedAt;
    private boolean lost;
    private boolean cancelRequested;
    private Thread thread;

    /** @param limit the job's time limit (its safe points stop it once it is up); null for none */
    SimJob(SimHost host, String kind, String runId, DemoPace pace, Duration limit) {
        this.host = host;
        this.kind = kind;
        this.runId = runId;
        this.pace = pace;
        this.deadlineNanos = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        this.limitSeconds = limit == null ? 0 : limit.toSeconds();
    }

    /** A job that job-start.sh starts: its header names the run and the time limit ({@code defaultLimit} if it does not). */
    SimJob(SimSession session, String kind, RemoteScript script, Duration defaultLimit) {
        this(session.host(), kind, script.variable("RUN_ID", ""), session.pace(),
                Duration.ofSeconds(Long.parseLong(script.variable("LIMIT", Long.toString(defaultLimit.toSeconds())))));
    }

    /** "docker-RUN_ID": names its files on the server. */
    String name() {
        return name(kind, runId);
    }

    static String name(String kind, String runId) {
        return kind + "-" + runId;
    }

    String logPath() {
        return "/var/log/upkeep/" + name() + ".log";
    }

    /** What the job does; its lines go to the log through {@link #emit}. */
    protected abstract int script() throws InterruptedException, Exit;

    @Override
    public final void run() {
        synchronized (this) {
            if (lost) {
                return;
            }
            thread = Thread.currentThread();
        }
        try {
            finish(script());
        } catch (Exit e) {
            finish(e.status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                thread = null;
                notifyAll();
            }
        }
    }

    /** The server went down: the job dies where it is, without an exit status. */
    synchronized void kill() {
        if (exit != null) {
            return;
        }
        lost = true;
        if (thread != null) {
            thread.interrupt();
        }
        notifyAll();
    }

    /** job-cancel.sh: asks the job to stop at its next safe point (its cancel file). */
    synchronized void requestCancel() {
        cancelRequested = true;
    }

    synchronized boolean cancelRequested() {
        return cancelRequested;
    }

    synchronized boolean ended() {
        return exit != null || lost;
    }

    synchronized Integer exitStatus() {
        return exit;
    }

    synchronized Instant endedAt() {
        return endedAt;
    }

    synchronized boolean lost() {
        return lost;
    }

    synchronized int size() {
        return log.size();
    }

    /** Log lines from index {@code from} on, waiting up to {@code wait} for some when there are none yet. */
    synchronized List<String> linesFrom(int from, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (log.size() <= from && !ended()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return from >= log.size() ? List.of() : List.copyOf(log.subList(from, log.size()));
    }

    /** job-prologue.sh's first line. */
    protected void prologue() throws InterruptedException {
        emit("upkeep: " + kind + " job " + runId + " on " + host.name + " at " + Instant.now()
                .truncatedTo(ChronoUnit.SECONDS) + ", pid " + pid() + ", time limit " + limitSeconds + " s");
    }

    /** A safe point (job-prologue.sh): nothing has changed since the last one; {@code next} says what would come. */
    protected void safePoint(String next) throws InterruptedException, Exit {
        if (cancelRequested()) {
            emit("upkeep: cancelled before " + next + ": nothing more was changed");
            emit("@@upkeep cancelled " + next);
            throw new Exit(CANCELLED);
        }
        if (System.nanoTime() >= deadlineNanos) {
            emit("upkeep: the time limit of " + limitSeconds + " s was reached before " + next + ": nothing more was changed");
            emit("@@upkeep timeout " + next);
            throw new Exit(TIMED_OUT);
        }
    }

    /**
     * apt-locks.sh's wait_for_locks: another apt holds the dpkg lock for the seconds the scenario gave this server
     * (the first job to run takes them). False when {@code lockWait} ran out first. With {@code next}, every second of
     * waiting is a safe point (the Docker and Weave jobs' lock_wait_tick).
     */
    protected boolean waitForLocks(int lockWait, String next) throws InterruptedException, Exit {
        int held = host.takeLockSeconds();
        for (int i = 0; i < held; i++) {
            int left = lockWait - i;
            if (left <= 0) {
                emit("upkeep: gave up waiting for the apt/dpkg lock after " + lockWait + " s (" + LOCK + ")");
                return false;
            }
            emit("upkeep: waiting for the apt/dpkg lock (" + LOCK + "): " + left + " s left");
            if (next != null) {
                safePoint(next);
            }
            pause(pace.lockTick());
        }
        return true;
    }

    /** A plausible process id for the job's first line. */
    protected int pid() {
        return 2000 + Math.abs(name().hashCode() % 7000);
    }

    protected void emit(String line) throws InterruptedException {
        synchronized (this) {
            if (lost) {
                throw new InterruptedException("killed");
            }
            log.add(line);
            notifyAll();
        }
        pause(pace.line());
    }

    protected void pause(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            Thread.sleep(d.toMillis());
        }
        synchronized (this) {
            if (lost) {
                throw new InterruptedException("killed");
            }
        }
    }

    private synchronized void finish(int status) {
        if (lost) {
            return;
        }
        exit = status;
        endedAt = Instant.now();
        notifyAll();
    }
}
