package dev.upkeep.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What {@code unattended-upgrade -v} with security origins only prints and does on a simulated server. */
final class UnattendedUpgrade {
    interface Lines {
        void emit(String line) throws InterruptedException;
    }

    interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    private final SimHost host;
    private final Lines out;
    private final Pause pause;
    private final DemoPace pace;
    private final Consumer<SimPackage> upgraded;

    UnattendedUpgrade(SimHost host, Lines out, Pause pause, DemoPace pace, Consumer<SimPackage> upgraded) {
        this.host = host;
        this.out = out;
        this.pause = pause;
        this.pace = pace;
        this.upgraded = upgraded;
    }

    /** @return unattended-upgrade's exit status */
    int run() throws InterruptedException {
        Instant start = Instant.now();
        out.emit("Checking if system is running on battery is skipped. Please install \"powermgmt-base\" package to check"
                + " power status and skip installing updates when the system is running on battery.");
        out.emit("Starting unattended upgrades script");
        out.emit("Allowed origins are: " + host.os.allowedOrigins());
        out.emit("Initial blacklist: ");
        out.emit("Initial whitelist (not strict): ");
        List<SimPackage> todo = host.securityUpgrades();
        if (todo.isEmpty()) {
            out.emit("No packages found that can be upgraded unattended and no pending auto-removals");
            host.patchLog().add(new UnattendedRun(start, Instant.now(), host.os.allowedOrigins(), List.of(), false));
            return 0;
        }
        out.emit("Packages that will be upgraded: " + String.join(" ", todo.stream().map(SimPackage::name).toList()));
        out.emit("Writing dpkg log to /var/log/unattended-upgrades/unattended-upgrades-dpkg.log");
        out.emit("(Reading database ... 74512 files and directories currently installed.)");
        for (SimPackage p : todo) {
            for (String line : DpkgText.unpack(p)) {
                out.emit(line);
            }
            upgraded.accept(p);
        }
        pause.pause(pace.step());
        List<String> failed = configure(todo);
        out.emit("Processing triggers for libc-bin (2.35-0ubuntu3.7) ...");
        out.emit("Processing triggers for man-db (2.10.2-1) ...");
        record(start, todo, failed);
        if (failed.isEmpty()) {
            out.emit("All upgrades installed");
            return 0;
        }
        out.emit("Errors were encountered while processing:");
        for (String f : failed) {
            out.emit(" " + DpkgText.qualified(f));
        }
        out.emit("E: Sub-process /usr/bin/dpkg returned an error code (1)");
        out.emit("Installing the upgrades failed!");
        out.emit("error message: installArchives() failed");
        out.emit("dpkg returned an error! See /var/log/unattended-upgrades/unattended-upgrades-dpkg.log for details");
        return 1;
    }

    /** What apt's history log and unattended-upgrades' own log keep of this run. */
    private void record(Instant start, List<SimPackage> todo, List<String> failed) {
        Instant end = Instant.now();
        host.patchLog().add(new AptEntry(start, end, AptEntry.UNATTENDED, null,
                todo.stream().map(AptEntry.Change::of).toList(),
                failed.isEmpty() ? null : "Sub-process /usr/bin/dpkg returned an error code (1)"));
        host.patchLog().add(new UnattendedRun(start, end, host.os.allowedOrigins(),
                todo.stream().map(SimPackage::name).toList(), !failed.isEmpty()));
    }

    private List<String> configure(List<SimPackage> todo) throws InterruptedException {
        List<String> failed = new ArrayList<>();
        for (SimPackage p : todo) {
            SimDpkg.Configured result = host.install(p, Instant.now());
            switch (result) {
                case OK -> {
                    out.emit(DpkgText.settingUp(p));
                    if (p.kernel() != null) {
                        pause.pause(pace.step());
                        for (String line : DpkgText.kernelHooks(p)) {
                            out.emit(line);
                        }
                    }
                }
                case POSTINST_FAILED -> {
                    out.emit(DpkgText.settingUp(p));
                    for (String line : DpkgText.postinstFailed(p.name())) {
                        out.emit(line);
                    }
                    failed.add(p.name());
                }
                case DEPENDENCY_UNCONFIGURED -> {
                    for (String line : DpkgText.dependencyProblem(p.name(), host.dpkg().dependencyOf(p.name()))) {
                        out.emit(line);
                    }
                    failed.add(p.name());
                }
            }
        }
        return failed;
    }
}
