package dev.upkeep.remote;

import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.ssh.CommandLimits;
import dev.upkeep.ssh.CommandResult;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Restarts the services still using replaced libraries, as root: looks (the restart check), restarts what it may,
 * looks again and reports what is still old. Never sshd, never the unit holding Upkeep's own session, never what
 * {@link RestartRules} leaves to a person; with a confirmed list, only services on it. A server that needs a reboot
 * can be left alone (the reboot restarts everything).
 */
public final class RestartServices implements Procedure {
    static final CommandLimits CHECK_LIMITS = CommandLimits.parsed(8L << 20).withIdle(Duration.ofSeconds(150));
    /** A restart that prints nothing for this long is stuck (a stop that never ends). */
    static final Duration RESTART_IDLE = Duration.ofMinutes(5);

    private final Set<String> confirmed;
    private final boolean skipWhenRebootRequired;

    /**
     * @param confirmed              the services the person confirmed for this server; null: every one Upkeep may restart
     * @param skipWhenRebootRequired restart nothing where /var/run/reboot-required exists (after an upgrade that asked
     *                               for a reboot)
     */
    public RestartServices(Set<String> confirmed, boolean skipWhenRebootRequired) {
        this.confirmed = confirmed == null ? null : Set.copyOf(confirmed);
        this.skipWhenRebootRequired = skipWhenRebootRequired;
    }

    @Override
    public String name() {
        return "restart services";
    }

    private record Look(RestartNeeds needs, boolean rebootRequired) {
    }

    @Override
    public ProcedureResult run(ProcedureContext ctx) throws SshException {
        ctx.step(Step.RESTARTING_SERVICES, "looking for services still using replaced libraries");
        Look before = look(ctx);
        if (!before.needs.looked()) {
            return ProcedureResult.failed(before.needs.cannotLook());
        }
        if (skipWhenRebootRequired && before.rebootRequired) {
            return new ProcedureResult(true, "no service restarted: a reboot is required, and it restarts everything",
                    List.of(), true, List.of());
        }
        List<String> notes = new ArrayList<>();
        List<RestartNeeds.Service> chosen = new ArrayList<>();
        for (RestartNeeds.Service s : before.needs.services()) {
            if (confirmed != null && !confirmed.contains(s.name())) {
                continue;
            }
            if (s.refusal() != null) {
                notes.add(s.name() + " not restarted: " + s.refusal());
            } else {
                chosen.add(s);
            }
        }
        if (confirmed != null) {
            for (String name : confirmed) {
                if (before.needs.services().stream().noneMatch(s -> s.name().equals(name))) {
                    notes.add(name + " no longer uses replaced libraries");
                }
            }
        }
        for (String note : notes) {
            ctx.line(OutputListener.Stream.STDOUT, "upkeep: " + note);
        }
        if (chosen.isEmpty()) {
            return new ProcedureResult(true, join("nothing to restart", notes), List.of(), false, List.of());
        }
        List<String> names = chosen.stream().map(RestartNeeds.Service::name).toList();
        ctx.line(OutputListener.Stream.STDOUT, "upkeep: restarting " + String.join(", ", names));
        CommandResult restart = Privileged.run(ctx, script(chosen),
                CommandLimits.streaming().withIdle(RESTART_IDLE), ctx::line);
        ctx.step(Step.RESTARTING_SERVICES, "looking again");
        Look after = look(ctx);
        List<String> still = names.stream()
                .filter(n -> after.needs.services().stream().anyMatch(s -> s.name().equals(n))).toList();
        String done = "restarted " + String.join(", ", names);
        if (!still.isEmpty()) {
            return new ProcedureResult(false, join(done + "; still using replaced libraries: " + String.join(", ", still),
                    notes), List.of(), false, List.of());
        }
        if (!restart.succeeded()) {
            return new ProcedureResult(false, join(done + " (a restart reported an error, exit " + restart.exitStatus()
                    + "; see the log)", notes), List.of(), false, List.of());
        }
        return new ProcedureResult(true, join(done + "; none uses replaced libraries now", notes), List.of(),
                false, List.of());
    }

    private static Look look(ProcedureContext ctx) throws SshException {
        List<String> lines = new ArrayList<>();
        CommandResult r = Privileged.run(ctx, RestartCheck.script(), CHECK_LIMITS, (stream, line) -> {
            if (stream == OutputListener.Stream.STDOUT) {
                lines.add(line);
            }
        });
        if (!r.succeeded()) {
            throw new ProbeException("the restart check exited with " + r.exitStatus());
        }
        return new Look(RestartCheck.parse(lines, "cannot look without root"), lines.contains("reboot_required=1"));
    }

    /**
     * One restart after the other; a failing one does not stop the rest. Output goes through a private file, not the
     * session's pipes: an init script's daemon that kept them open would keep the command from ever ending.
     */
    static String script(List<RestartNeeds.Service> services) {
        StringBuilder s = new StringBuilder("export LC_ALL=C PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
                + "out=$(mktemp) || exit 1\nrc=0\n");
        for (RestartNeeds.Service service : services) {
            if (!RestartRules.isServiceName(service.name())) {
                throw new IllegalArgumentException("not a service name: " + service.name());
            }
            String command = service.systemd() ? Shell.command("systemctl", "restart", "--", service.name())
                    : Shell.command("/etc/init.d/" + service.name(), "restart");
            s.append("echo ").append(Shell.quote("upkeep: " + command)).append('\n')
                    .append("if ").append(command).append(" </dev/null >\"$out\" 2>&1; then cat \"$out\"; else cat \"$out\"; echo ")
                    .append(Shell.quote("upkeep: restarting " + service.name() + " failed")).append("; rc=1; fi\n");
        }
        return s.append("rm -f \"$out\"\nexit $rc\n").toString();
    }

    private static String join(String head, List<String> notes) {
        return notes.isEmpty() ? head : head + "; " + String.join("; ", notes);
    }
}
