package dev.upkeep.remote;

import dev.upkeep.ssh.OutputListener;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the security upgrade's output as it streams: "@@upkeep" markers become steps and the report, the lock
 * countdown becomes {@link Step#WAITING_FOR_LOCK} with the seconds left, every other line goes to the live log.
 * Counts the job's log lines seen, so a follow after a reconnect resumes where the last one stopped.
 */
final class SecurityUpgradeOutput implements OutputListener {
    static final Pattern COUNTDOWN = Pattern.compile("^upkeep: waiting for the apt/dpkg lock \\((.*)\\): (\\d+) s left$");

    private final ProcedureContext ctx;
    private final boolean following;
    private long linesSeen;
    private String attach;
    private boolean dpkgInterrupted;
    private Integer exitStatus;
    private boolean lost;
    private boolean rebootRequired;
    private String log;
    private final List<String> audit = new ArrayList<>();
    private final List<String> upgraded = new ArrayList<>();
    private final List<String> servicesToRestart = new ArrayList<>();
    private final Set<String> rebootPackages = new LinkedHashSet<>();

    SecurityUpgradeOutput(ProcedureContext ctx, boolean following, long linesSeen) {
        this.ctx = ctx;
        this.following = following;
        this.linesSeen = linesSeen;
    }

    @Override
    public synchronized void onLine(Stream stream, String line) {
        // Every stdout line of a follow is a line of the job's log, except the follow's own "@@upkeep-" markers.
        if (following && stream == Stream.STDOUT && !line.startsWith("@@upkeep-")) {
            linesSeen++;
        }
        if (line.startsWith("@@upkeep")) {
            marker(line);
            return;
        }
        if (dpkgInterrupted) {
            audit.add(line);
        }
        Matcher countdown = COUNTDOWN.matcher(line);
        if (countdown.matches()) {
            ctx.step(Step.WAITING_FOR_LOCK, countdown.group(2) + " s left (" + countdown.group(1) + ")");
        }
        ctx.line(stream, line);
    }

    private void marker(String line) {
        String[] w = line.split(" ", 3);
        String rest = w.length > 2 ? w[2] : "";
        switch (w[0] + " " + (w.length > 1 ? w[1] : "")) {
            case "@@upkeep step" -> {
                String[] s = rest.split(" ", 2);
                step(s[0], s.length > 1 ? s[1] : null);
            }
            case "@@upkeep attach" -> attach = rest.strip();
            case "@@upkeep dpkg-interrupted" -> dpkgInterrupted = true;
            case "@@upkeep-follow at" -> linesSeen = Long.parseLong(rest.strip());
            case "@@upkeep-follow lost", "@@upkeep-follow missing" -> lost = true;
            case "@@upkeep-report exit" -> exitStatus = Integer.parseInt(rest.strip());
            case "@@upkeep-report upgraded" -> upgraded.add(rest.strip());
            case "@@upkeep-report reboot-required" -> rebootRequired = true;
            case "@@upkeep-report reboot-pkg" -> rebootPackages.add(rest.strip());
            case "@@upkeep-report restart" -> servicesToRestart.add(rest.strip());
            case "@@upkeep-report audit" -> audit.add(rest);
            case "@@upkeep-report log" -> log = rest.strip();
            default -> ctx.line(Stream.STDOUT, line);
        }
    }

    private void step(String name, String detail) {
        try {
            ctx.step(Step.valueOf(name), detail);
        } catch (IllegalArgumentException e) {
            ctx.line(Stream.STDOUT, "upkeep: unknown step " + name);
        }
    }

    synchronized long linesSeen() {
        return linesSeen;
    }

    synchronized String attach() {
        return attach;
    }

    synchronized boolean dpkgInterrupted() {
        return dpkgInterrupted;
    }

    synchronized Integer exitStatus() {
        return exitStatus;
    }

    synchronized boolean lost() {
        return lost;
    }

    synchronized boolean rebootRequired() {
        return rebootRequired;
    }

    synchronized String log() {
        return log;
    }

    synchronized List<String> audit() {
        return List.copyOf(audit);
    }

    synchronized List<String> upgraded() {
        return List.copyOf(upgraded);
    }

    /** What needrestart listed after the upgrade: services still running replaced libraries. */
    synchronized List<String> servicesToRestart() {
        return List.copyOf(servicesToRestart);
    }

    synchronized List<String> rebootPackages() {
        return List.copyOf(rebootPackages);
    }
}
