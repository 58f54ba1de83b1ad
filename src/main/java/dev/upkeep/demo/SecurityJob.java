package dev.upkeep.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The detached security-upgrade job on a simulated server (what security-job.sh and unattended-upgrade do on a
 * real one): it writes its log line by line at the demo's pace and its exit status last. A reboot kills it midway,
 * like a real one: then it has no exit status and the follower reports it lost.
 */
final class SecurityJob implements Runnable {
    private static final String LOCK = "/var/lib/dpkg/lock-frontend held by 1873(unattended-upgr)";

    private final SimHost host;
    private final String runId;
    private final int lockWait;
    private final boolean repair;
    private final DemoPace pace;
    private final List<String> log = new ArrayList<>();
    private final List<String> upgraded = new ArrayList<>();
    private Integer exit;
    private boolean lost;
    private Thread thread;

    SecurityJob(SimHost host, String runId, int lockWait, boolean repair, DemoPace pace) {
        this.host = host;
        this.runId = runId;
        this.lockWait = lockWait;
        this.repair = repair;
        this.pace = pace;
    }

    String runId() {
        return runId;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (lost) return;
            thread = Thread.currentThread();
        }
        try {
            finish(script());
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
        if (exit != null) return;
        lost = true;
        if (thread != null) thread.interrupt();
        notifyAll();
    }

    synchronized boolean ended() {
        return exit != null || lost;
    }

    synchronized Integer exitStatus() {
        return exit;
    }

    synchronized boolean lost() {
        return lost;
    }

    synchronized List<String> upgraded() {
        return List.copyOf(upgraded);
    }

    synchronized int size() {
        return log.size();
    }

    /** Log lines from index {@code from} on, waiting up to {@code wait} for some when there are none yet. */
    synchronized List<String> linesFrom(int from, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (log.size() <= from && !ended()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            wait(Math.max(1, left / 1_000_000));
        }
        return from >= log.size() ? List.of() : List.copyOf(log.subList(from, log.size()));
    }

    private int script() throws InterruptedException {
        Instant now = Instant.now();
        emit("upkeep: security upgrade " + runId + " on " + host.name + " at " + now.truncatedTo(ChronoUnit.SECONDS)
                + ", pid " + (2000 + Math.abs(runId.hashCode() % 7000)));
        emit("@@upkeep step WAITING_FOR_LOCK");
        if (!waitForLock(host.takeLockSeconds())) return 11;
        if (repair && !host.audit().isEmpty()) repair();
        emit("@@upkeep step UPDATING_LISTS");
        pause(pace.step());
        for (String line : host.os.updateLines()) emit(line);
        host.updateLists(Instant.now());
        if (!host.unattendedInstalled()) installUnattendedUpgrades();
        host.enableDailyUpgrades();
        emit("@@upkeep step WAITING_FOR_LOCK");
        emit("@@upkeep step UPGRADING unattended-upgrade, security origins only");
        int rc = new UnattendedUpgrade(host, this::emit, this::pause, pace, this::upgraded).run();
        emit("upkeep: unattended-upgrade exited with " + rc);
        return rc;
    }

    private boolean waitForLock(int seconds) throws InterruptedException {
        for (int i = 0; i < seconds; i++) {
            int left = lockWait - i;
            if (left <= 0) {
                emit("upkeep: gave up waiting for the apt/dpkg lock after " + lockWait + " s (" + LOCK + ")");
                return false;
            }
            emit("upkeep: waiting for the apt/dpkg lock (" + LOCK + "): " + left + " s left");
            pause(pace.lockTick());
        }
        return true;
    }

    private void repair() throws InterruptedException {
        emit("@@upkeep step UPGRADING repairing dpkg");
        emit("upkeep: dpkg --configure -a");
        pause(pace.step());
        for (String pkg : host.repairDpkg()) emit("Setting up " + DpkgText.qualified(pkg) + " ...");
        emit("Processing triggers for libc-bin (2.35-0ubuntu3.7) ...");
    }

    private void installUnattendedUpgrades() throws InterruptedException {
        emit("@@upkeep step UPGRADING installing unattended-upgrades");
        emit("Reading package lists...");
        emit("Building dependency tree...");
        emit("Reading state information...");
        emit("The following NEW packages will be installed:");
        emit("  unattended-upgrades");
        emit("0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.");
        pause(pace.step());
        emit("Setting up unattended-upgrades (2.8ubuntu1) ...");
        host.installUnattendedUpgrades();
    }

    private void upgraded(SimPackage p) {
        synchronized (this) {
            upgraded.add(p.name() + " " + p.to());
        }
    }

    private void emit(String line) throws InterruptedException {
        synchronized (this) {
            if (lost) throw new InterruptedException("killed");
            log.add(line);
            notifyAll();
        }
        pause(pace.line());
    }

    private void pause(Duration d) throws InterruptedException {
        if (!d.isZero()) Thread.sleep(d.toMillis());
        synchronized (this) {
            if (lost) throw new InterruptedException("killed");
        }
    }

    private synchronized void finish(int status) {
        if (lost) return;
        exit = status;
        notifyAll();
    }
}
