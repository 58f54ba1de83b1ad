package dev.upkeep.remote;

import dev.upkeep.ssh.CommandLimits;
import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The CVE-day upgrade: only the named packages, to the version apt offers, on a server where they are installed
 * (a query found them below the fixed version). Not detached like the security upgrade: it is one short apt call,
 * bounded by an idle limit; a dropped connection leaves apt to finish or fail on its own, and the next query says
 * which it was.
 */
public final class PackageUpgrade implements Procedure {
    /** Binary package names as dpkg prints them, with an architecture for foreign ones ({@code libssl3:i386}). */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]{0,99}(:[a-z0-9-]{1,20})?");
    /** apt prints while it downloads and unpacks; this long without a line is a stuck apt or a stuck maintainer script. */
    static final Duration IDLE = Duration.ofMinutes(10);
    private static final String SCRIPT = Scripts.load("package-upgrade.sh");
    private static final String LOCKS = Scripts.load("apt-locks.sh");

    private final List<String> names;
    private final Duration lockWait;

    public PackageUpgrade(List<String> names, Duration lockWait) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("name at least one package to upgrade");
        }
        for (String n : names) {
            if (n == null || !NAME.matcher(n).matches()) {
                throw new IllegalArgumentException("not a package name: '" + n + "'");
            }
        }
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("negative lock wait");
        }
        this.names = List.copyOf(names);
        this.lockWait = lockWait;
    }

    public List<String> names() {
        return names;
    }

    @Override
    public String name() {
        return "upgrade " + String.join(", ", names);
    }

    /** The script: the names (each matched against {@link #NAME}, so a space-separated list is safe), then the text. */
    String script() {
        return "NAMES=" + Shell.quote(String.join(" ", names)) + "\nLOCK_WAIT=" + lockWait.toSeconds() + "\n"
                + LOCKS + "\n" + SCRIPT;
    }

    @Override
    public ProcedureResult run(ProcedureContext ctx) throws SshException {
        ctx.step(Step.UPGRADING, String.join(", ", names));
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        List<String> reboot = new ArrayList<>();
        boolean[] rebootRequired = {false};
        CommandResult r = Privileged.run(ctx, script(), CommandLimits.streaming().withIdle(IDLE), (stream, line) -> {
            String[] f = line.split(" ");
            if (f.length == 4 && f[0].equals("upkeep-version")) {
                (f[1].equals("before") ? before : after).put(f[2], f[3]);
            } else if (line.startsWith("upkeep-reboot-required")) {
                rebootRequired[0] = true;
                reboot.addAll(Arrays.stream(line.substring("upkeep-reboot-required".length()).strip().split(" "))
                        .filter(s -> !s.isBlank()).toList());
            } else {
                ctx.line(stream, line);
            }
        });
        List<String> upgraded = new ArrayList<>();
        after.forEach((n, v) -> {
            if (!v.equals(before.get(n))) {
                upgraded.add(n + " " + v);
            }
        });
        List<String> missing = names.stream().filter(n -> !before.containsKey(n)).toList();
        String tail = (missing.isEmpty() ? "" : "; not installed: " + String.join(", ", missing))
                + (rebootRequired[0] ? "; a reboot is required" : "");
        if (r.exitStatus() == 75) {
            return new ProcedureResult(false, "gave up waiting for the apt/dpkg lock after "
                + lockWait.toSeconds() + " s" + tail, upgraded, rebootRequired[0], reboot);
        }
        if (!r.succeeded()) {
            return new ProcedureResult(false, "apt-get failed (exit " + r.exitStatus() + "; see the log)"
                + (upgraded.isEmpty() ? "" : "; upgraded " + String.join(", ", upgraded)) + tail, upgraded,
                rebootRequired[0], reboot);
        }
        String head = upgraded.isEmpty() ? "nothing upgraded (already at apt's candidate)" : "upgraded " + String.join(", ", upgraded);
        return new ProcedureResult(true, head + tail, upgraded, rebootRequired[0], reboot);
    }
}
