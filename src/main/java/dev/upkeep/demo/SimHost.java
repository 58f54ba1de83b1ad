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
    private final SimDpkg dpkg = new SimDpkg();
    private boolean automaticRebootDisabled;
    private final SimJobs jobs = new SimJobs();
    private final SimProcesses processes = new SimProcesses();
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

    /** Detached jobs: their logs and statuses survive reboots. */
    SimJobs jobs() {
        return jobs;
    }

    /** Half-configured packages (dpkg --audit). */
    SimDpkg dpkg() {
        return dpkg;
    }

    /** The commands running now. */
    SimProcesses processes() {
        return processes;
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
    SimHost brokenPostinst(String pkg, String... dependents) {
        dpkg.brokenPostinst(pkg, dependents);
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
        return kernels.stream().max(VersionOrder::compare).orElse(runningKernel);
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

    /** dpkg configures one (unpacked) package; one that fails stays half configured (dpkg --audit lists it). */
    synchronized SimDpkg.Configured install(SimPackage p, Instant now) {
        pending.remove(p.name());
        SimDpkg.Configured configured = dpkg.configure(p.name());
        if (configured != SimDpkg.Configured.OK) {
            return configured;
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
        return SimDpkg.Configured.OK;
    }

    synchronized void dockerInstalled(String version) {
        docker = version;
    }

    synchronized void weaveInstalled(String version) {
        weave = version;
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
        processes.clear();
        return jobs.running();
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

    @Override
    public String toString() {
        return application + "/" + name;
    }
}
