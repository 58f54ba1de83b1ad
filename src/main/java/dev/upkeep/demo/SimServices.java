package dev.upkeep.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services running on a simulated server and the replaced files they still use: an upgrade of a library leaves
 * every service that had it loaded running the old copy (deleted on disk) until it is restarted or the server
 * reboots. What restart-check.sh sees in /proc. Thread-safe.
 */
final class SimServices {
    private static final String LIB = "/usr/lib/x86_64-linux-gnu/";
    /** Which services a package's files are loaded by, and those files (an executable has no ".so" in its name). */
    private static final Map<String, List<String>> FILES = Map.of(
            "libssl3", List.of(LIB + "libssl.so.3", LIB + "libcrypto.so.3"),
            "libc6", List.of(LIB + "libc.so.6"),
            "nginx", List.of("/usr/sbin/nginx"),
            "postgresql-15", List.of("/usr/lib/postgresql/15/bin/postgres"));
    private static final Map<String, Set<String>> USERS = Map.of(
            "libssl3", Set.of("nginx.service", "ssh.service", "postgresql@15-main.service"),
            "libc6", Set.of("cron.service", "rsyslog.service", "ssh.service", "nginx.service", "postgresql@15-main.service"),
            "nginx", Set.of("nginx.service"),
            "postgresql-15", Set.of("postgresql@15-main.service"));
    /** The command names of a service's processes: the first is the main one, the others its workers. */
    private static final Map<String, List<String>> PROCESSES = Map.of(
            "ssh.service", List.of("sshd"),
            "cron.service", List.of("cron"),
            "rsyslog.service", List.of("rsyslogd"),
            "nginx.service", List.of("nginx", "nginx", "nginx"),
            "postgresql@15-main.service", List.of("postgres", "postgres", "postgres"));

    /** A process as /proc shows it. */
    record Process(int pid, int ppid, String service, String command) {
    }

    private final Map<String, Integer> mainPids = new LinkedHashMap<>();
    private final Map<String, Set<String>> stale = new LinkedHashMap<>();
    private int nextPid;

    SimServices(int firstPid, String... services) {
        nextPid = firstPid;
        for (String s : services) {
            start(s);
        }
    }

    synchronized void add(String service) {
        start(service);
    }

    /** dpkg replaced {@code pkg}'s files: the services using them now run the deleted copies. */
    synchronized void replaced(String pkg) {
        for (String service : USERS.getOrDefault(pkg, Set.of())) {
            if (mainPids.containsKey(service)) {
                stale.computeIfAbsent(service, k -> new LinkedHashSet<>()).addAll(FILES.get(pkg));
            }
        }
    }

    /** systemctl restart: new processes that load the files on disk. False for a service that does not exist here. */
    synchronized boolean restart(String service) {
        if (!mainPids.containsKey(service)) {
            return false;
        }
        start(service);
        stale.remove(service);
        return true;
    }

    /** A reboot: everything starts afresh. */
    synchronized void rebooted() {
        stale.clear();
        for (String s : List.copyOf(mainPids.keySet())) {
            start(s);
        }
    }

    synchronized Map<String, Set<String>> stale() {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        stale.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return copy;
    }

    /** The processes of a service: its main process (parent 1) and its workers (parent the main one). */
    synchronized List<Process> processes(String service) {
        List<Process> out = new ArrayList<>();
        Integer main = mainPids.get(service);
        if (main == null) {
            return out;
        }
        List<String> names = PROCESSES.getOrDefault(service, List.of(service.replace(".service", "")));
        for (int i = 0; i < names.size(); i++) {
            out.add(new Process(main + i, i == 0 ? 1 : main, service, names.get(i)));
        }
        return out;
    }

    /** The listening sshd's pid: the parent of every login session (Upkeep's own included). */
    synchronized int sshd() {
        return mainPids.getOrDefault("ssh.service", 1);
    }

    private void start(String service) {
        mainPids.put(service, nextPid);
        nextPid += 10 + PROCESSES.getOrDefault(service, List.of()).size();
    }
}
