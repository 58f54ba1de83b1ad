package dev.upkeep.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One simulated server's state: what the real one keeps in dpkg's database, /boot, /proc and /var/run. The answers
 * to Upkeep's scripts are read from it and the simulated upgrades and reboots change it. Thread-safe (one lock).
 */
final class SimHost {
    final String application;
    final String name;
    final SimOs os;
    private String runningKernel;
    private final List<String> kernels = new ArrayList<>();
    private String bootId = UUID.randomUUID().toString();
    private Instant booted;
    private Instant rebootRequiredSince;
    private final Set<String> rebootPackages = new LinkedHashSet<>();
    private final Map<String, SimPackage> pending = new LinkedHashMap<>();
    private Instant listsUpdated;
    private boolean unattendedInstalled = true;
    private boolean unattendedDaily = true;
    private String docker;
    private String weave;
    private int lockSeconds;
    private String brokenPackage;
    private final Map<String, String> dependsOn = new LinkedHashMap<>();
    private final List<String> audit = new ArrayList<>();
    private boolean automaticRebootDisabled;
    /** Detached jobs by name ("security-RUN_ID", "docker-RUN_ID"): their logs and statuses survive reboots. */
    private final Map<String, SimJob> jobs = new LinkedHashMap<>();
    private String currentSecurityJob;
    /** Running commands by process group, for a kill from another session (ssh.RemoteProcess). */
    private final Map<Long, Runnable> processGroups = new LinkedHashMap<>();
    private long nextProcess = 4100;
    private boolean rebootPending;
    private boolean up = true;
    /** apt's and unattended-upgrades' logs (the History tab, the last security upgrade). */
    private final SimPatchLog patchLog = new SimPatchLog();
    /** What runs here and which replaced files it still uses (the restart check). */
    private final SimServices services;

    SimHost(String application, String name, SimOs os, String kernel, Duration uptime, Instant now) {
        this.application = application;
        this.name = name;
        this.os = os;
        this.runningKernel = kernel;
        this.kernels.add(kernel);
        this.booted = now.minus(uptime);
        this.listsUpdated = now.minus(Duration.ofHours(3));
        this.services = new SimServices(600 + Math.floorMod(name.hashCode(), 300), "ssh.service", "cron.service",
                "rsyslog.service");
    }

    SimPatchLog patchLog() {
        return patchLog;
    }

    SimServices services() {
        return services;
    }

    // set-up, used while the scenario is built

    synchronized SimHost kernelInstalled(String kernel) {
        kernels.add(kernel);
        return this;
    }

    synchronized SimHost rebootRequired(Instant since, String... packages) {
        rebootRequiredSince = since;
        rebootPackages.addAll(List.of(packages));
        return this;
    }

    synchronized SimHost pending(SimPackage p) {
        pending.put(p.name(), p);
        return this;
    }

    synchronized SimHost listsUpdated(Instant when) {
        listsUpdated = when;
        return this;
    }

    synchronized SimHost unattendedUpgrades(boolean installed, boolean daily) {
        unattendedInstalled = installed;
        unattendedDaily = daily;
        return this;
    }

    synchronized SimHost docker(String version) {
        docker = version;
        return this;
    }

    synchronized SimHost weave(String version) {
        weave = version;
        return this;
    }

    /** Another apt (the daily apt job) holds the dpkg lock for this many seconds when the next upgrade starts. */
    synchronized SimHost lockHeld(int seconds) {
        lockSeconds = seconds;
        return this;
    }

    /** This package's post-installation script fails the first time it is configured; {@code dependents} then cannot be. */
    synchronized SimHost brokenPostinst(String pkg, String... dependents) {
        brokenPackage = pkg;
        for (String d : dependents) {
            dependsOn.put(d, pkg);
        }
        return this;
    }

    // what the status probe and the other scripts read

    synchronized String runningKernel() {
        return runningKernel;
    }

    /** The installed kernels, in the order they were installed. */
    synchronized List<String> kernels() {
        return List.copyOf(kernels);
    }

    synchronized String newestKernel() {
        return kernels.stream().max(SimHost::compareKernels).orElse(runningKernel);
    }

    synchronized String bootId() {
        return bootId;
    }

    synchronized Duration uptime(Instant now) {
        return Duration.between(booted, now);
    }

    synchronized Instant rebootRequiredSince() {
        return rebootRequiredSince;
    }

    synchronized List<String> rebootPackages() {
        return List.copyOf(rebootPackages);
    }

    synchronized List<SimPackage> visiblePending() {
        return pending.values().stream().filter(SimPackage::visible).toList();
    }

    /** The pending update of this package, known to the lists or not; null when none. */
    synchronized SimPackage pendingOf(String pkg) {
        return pending.get(pkg);
    }

    /** Every detached job this server ran since the demo started, ended or not. */
    synchronized List<SimJob> jobs() {
        return List.copyOf(jobs.values());
    }

    synchronized Instant listsUpdated() {
        return listsUpdated;
    }

    synchronized boolean unattendedInstalled() {
        return unattendedInstalled;
    }

    synchronized boolean unattendedDaily() {
        return unattendedDaily;
    }

    synchronized String docker() {
        return docker;
    }

    synchronized String weave() {
        return weave;
    }

    synchronized List<String> audit() {
        return List.copyOf(audit);
    }

    synchronized boolean rebootPending() {
        return rebootPending;
    }

    synchronized boolean up() {
        return up;
    }

    // what the simulated commands change

    /** apt-get update: every published update is now in the lists. */
    synchronized void updateLists(Instant now) {
        listsUpdated = now;
        pending.replaceAll((n, p) -> p.seen());
    }

    synchronized int takeLockSeconds() {
        int s = lockSeconds;
        lockSeconds = 0;
        return s;
    }

    synchronized void installUnattendedUpgrades() {
        unattendedInstalled = true;
    }

    synchronized void enableDailyUpgrades() {
        unattendedDaily = true;
    }

    synchronized void disableAutomaticReboot() {
        automaticRebootDisabled = true;
    }

    /** Unattended-Upgrade::Automatic-Reboot "false" is configured (by Upkeep's security upgrade). */
    synchronized boolean automaticRebootDisabled() {
        return automaticRebootDisabled;
    }

    synchronized List<SimPackage> securityUpgrades() {
        return pending.values().stream().filter(p -> p.visible() && p.security()).toList();
    }

    /** How configuring one package ended. */
    enum Configured { OK, POSTINST_FAILED, DEPENDENCY_UNCONFIGURED }

    /** dpkg configures one (unpacked) package; one that fails stays half configured (dpkg --audit lists it). */
    synchronized Configured install(SimPackage p, Instant now) {
        pending.remove(p.name());
        if (p.name().equals(brokenPackage)) {
            brokenPackage = null;
            audit.add(p.name());
            return Configured.POSTINST_FAILED;
        }
        if (audit.contains(dependsOn.get(p.name()))) {
            audit.add(p.name());
            return Configured.DEPENDENCY_UNCONFIGURED;
        }
        if (p.kernel() != null) {
            kernels.add(p.kernel());
        }
        services.replaced(p.name());
        if (p.reboot()) {
            if (rebootRequiredSince == null) {
                rebootRequiredSince = now;
            }
            rebootPackages.add(p.name());
        }
        return Configured.OK;
    }

    /** The package whose configuration {@code pkg} waits for. */
    synchronized String dependencyOf(String pkg) {
        return dependsOn.get(pkg);
    }

    /** dpkg --configure -a: configures what was left half configured (the fault was a one-off). */
    synchronized List<String> repairDpkg() {
        List<String> repaired = List.copyOf(audit);
        audit.clear();
        return repaired;
    }

    synchronized void dockerInstalled(String version) {
        docker = version;
    }

    synchronized void weaveInstalled(String version) {
        weave = version;
    }

    /** The job of this kind and run, or null. */
    synchronized SimJob job(String kind, String runId) {
        return jobs.get(SimJob.name(kind, runId));
    }

    synchronized SecurityJob securityJob(String runId) {
        return (SecurityJob) jobs.get(SimJob.name(SecurityJob.KIND, runId));
    }

    /** The security upgrade running now, if any (security-start.sh attaches to it rather than start another). */
    synchronized SecurityJob currentSecurityJob() {
        SecurityJob job = currentSecurityJob == null ? null : securityJob(currentSecurityJob);
        return job != null && !job.ended() ? job : null;
    }

    synchronized void addJob(SimJob job) {
        jobs.put(job.name(), job);
        if (job instanceof SecurityJob) {
            currentSecurityJob = job.runId;
        }
    }

    /** A new process (group) id: every command runs in a group of its own, as sshd makes it. */
    synchronized long newProcessGroup() {
        nextProcess += 1 + (nextProcess % 7);
        return nextProcess;
    }

    /** A command that reported its process group; {@code kill} ends it. */
    synchronized void processStarted(long pgid, Runnable kill) {
        processGroups.put(pgid, kill);
    }

    /** The process groups of the commands running now. */
    synchronized Set<Long> processGroups() {
        return Set.copyOf(processGroups.keySet());
    }

    synchronized void processEnded(long pgid) {
        processGroups.remove(pgid);
    }

    /** kill -TERM -PGID: false when no process of that group runs here. */
    boolean killProcessGroup(long pgid) {
        Runnable kill;
        synchronized (this) {
            kill = processGroups.remove(pgid);
        }
        if (kill == null) {
            return false;
        }
        kill.run();
        return true;
    }

    synchronized void markRebootPending() {
        rebootPending = true;
    }

    /**
     * Going down: no more commands run here; returns the running jobs, which the caller kills once the connections
     * are dropped (they die without writing their exit status).
     */
    synchronized List<SimJob> goDown() {
        up = false;
        processGroups.clear();
        return jobs.values().stream().filter(j -> !j.ended()).toList();
    }

    /** Booting: a new boot id, the newest kernel runs, /run (and so /var/run/reboot-required) is empty again. */
    synchronized void boot(Instant now) {
        bootId = UUID.randomUUID().toString();
        booted = now;
        runningKernel = newestKernel();
        rebootRequiredSince = null;
        rebootPackages.clear();
        rebootPending = false;
        services.rebooted();
        up = true;
    }

    /** "5.15.0-105-generic" after "5.15.0-101-generic": numeric parts compared as numbers. */
    static int compareKernels(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean nx = x[i].chars().allMatch(Character::isDigit) && !x[i].isEmpty();
            boolean ny = y[i].chars().allMatch(Character::isDigit) && !y[i].isEmpty();
            int c = nx && ny ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    @Override
    public String toString() {
        return application + "/" + name;
    }
}
