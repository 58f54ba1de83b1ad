package dev.upkeep.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The commands running on one simulated server, by process group, for a kill from another session (ssh.RemoteProcess). */
final class SimProcesses {
    private final Map<Long, Runnable> groups = new LinkedHashMap<>();
    private long nextProcess = 4100;

    /** A new process (group) id: every command runs in a group of its own, as sshd makes it. */
    synchronized long newGroup() {
        nextProcess += 1 + (nextProcess % 7);
        return nextProcess;
    }

    /** A command that reported its process group; {@code kill} ends it. */
    synchronized void started(long pgid, Runnable kill) {
        groups.put(pgid, kill);
    }

    /** The process groups of the commands running now. */
    synchronized Set<Long> groups() {
        return Set.copyOf(groups.keySet());
    }

    synchronized void ended(long pgid) {
        groups.remove(pgid);
    }

    /** kill -TERM -PGID: false when no process of that group runs here. */
    boolean kill(long pgid) {
        Runnable kill;
        synchronized (this) {
            kill = groups.remove(pgid);
        }
        // Outside the lock: the kill closes a channel, whose command then reports ended().
        if (kill == null) {
            return false;
        }
        kill.run();
        return true;
    }

    /** The server went down: nothing runs any more. */
    synchronized void clear() {
        groups.clear();
    }
}
