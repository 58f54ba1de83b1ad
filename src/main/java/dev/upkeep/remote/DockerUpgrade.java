package dev.upkeep.remote;

import dev.upkeep.manifest.Versions;
import dev.upkeep.ssh.CommandCancelledException;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installs the Docker engine version an application's manifest names ({@code 24.0.7}, or {@code 18.03.0-ce} in older
 * manifests) on one server, from the server's own apt sources (Docker's apt repository):
 * <ol>
 *   <li>{@code apt-get update}, then {@code apt-cache madison docker-ce}: the exact package version of that Docker
 *       version ({@link DockerCandidates}). None → the server fails with what apt offers, and nothing is installed.
 *   <li>A job detached on the server ({@link DetachedJob}, like the security upgrade: a dropped connection never stops
 *       it, Upkeep reconnects and follows its log again): {@code apt-get install docker-ce=V docker-ce-cli=V},
 *       non-interactive, keeping config files. A downgrade is refused (nothing installed) unless downgrades are
 *       allowed. Held packages are changed and held again.
 *   <li>Restart Docker, bounded by a timeout (docker's systemd unit has {@code TimeoutStartSec=0}):
 *       {@code systemctl restart docker} where systemd is the init, else {@code service docker restart} (docker-ce's
 *       SysV script). Then {@code docker version} must report the target version.
 * </ol>
 * Already at the version (installed and running) → nothing is done, no restart. The job has an overall time limit
 * and stops at a safe point on cancel or at the limit: while it waits for apt/dpkg or just before dpkg starts (nothing
 * installed). Once dpkg runs it is never cut off and the restart completing the install follows it.
 */
public final class DockerUpgrade implements Procedure {
    public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(15);
    /** How long {@code systemctl restart docker} may take before the job gives up on it. */
    static final Duration RESTART_TIMEOUT = Duration.ofSeconds(120);
    static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    private final String version;
    private final boolean allowDowngrade;
    private final Duration limit;
    private final Duration restartTimeout;

    /** @throws IllegalArgumentException when {@code version} is not a strict Docker version (before anything runs) */
    public DockerUpgrade(String version, boolean allowDowngrade) {
        this(version, allowDowngrade, DEFAULT_LIMIT);
    }

    /** @param limit the install's overall time limit on the server */
    public DockerUpgrade(String version, boolean allowDowngrade, Duration limit) {
        this(version, allowDowngrade, limit, RESTART_TIMEOUT);
    }

    DockerUpgrade(String version, boolean allowDowngrade, Duration limit, Duration restartTimeout) {
        this.version = Versions.requireDockerVersion(version);
        this.allowDowngrade = allowDowngrade;
        if (limit == null || limit.toSeconds() < 1) {
            throw new IllegalArgumentException("the Docker time limit must be at least 1 s");
        }
        this.limit = limit;
        this.restartTimeout = restartTimeout;
    }

    public Duration limit() {
        return limit;
    }

    public String version() {
        return version;
    }

    public boolean allowDowngrade() {
        return allowDowngrade;
    }

    @Override
    public String name() {
        return "Docker " + version;
    }

    /**
     * What the upgrade would do, for a pre-flight summary: reads apt's lists as they are (no update), as the login
     * user (no sudo), changes nothing. {@code packageVersion} is null when apt does not offer the version
     * ({@code problem} then says why); {@code from} is the running (or installed) Docker version, or "none".
     */
    public record Preview(String from, String to, String packageVersion, String problem) {
        public boolean changes() {
            return packageVersion != null && !from.equals(to);
        }
    }

    public Preview preview(ProcedureContext ctx) throws SshException {
        DockerWeaveScript.Output read = DockerWeaveScript.run(ctx, "docker-resolve.sh", Map.of("UPDATE_LISTS", "no"),
                ctx.stopRequest(), false);
        List<String> offered = DockerCandidates.parse(read.all("madison"));
        Optional<String> problem = read.first("error");
        if (problem.isEmpty() && read.exitStatus() != 0) {
            problem = Optional.of("reading apt failed (exit " + read.exitStatus() + ")");
        }
        if (problem.isEmpty()) {
            problem = unavailable(ctx, offered, " (as of its last apt-get update)");
        }
        String pkg = problem.isPresent() ? null : DockerCandidates.match(offered, version).orElseThrow();
        return new Preview(before(read), version, pkg, problem.orElse(null));
    }

    @Override
    public ProcedureResult run(ProcedureContext ctx) throws SshException {
        ctx.step(Step.INSTALLING_DOCKER, "looking for Docker " + version + " in apt");
        // apt-get update and madison change nothing but the lists: a cancel may cut them off.
        DockerWeaveScript.Output resolved = DockerWeaveScript.run(ctx, "docker-resolve.sh",
                Map.of("UPDATE_LISTS", "yes"), ctx.stopRequest(), true);
        resolved.all("warning").forEach(w -> narrate(ctx, "warning: " + w));
        Optional<String> error = resolved.first("error");
        if (error.isPresent()) {
            return ProcedureResult.failed(error.get());
        }
        if (resolved.exitStatus() != 0) {
            return ProcedureResult.failed("reading apt's Docker versions failed (exit " + resolved.exitStatus() + ")");
        }
        List<String> offered = DockerCandidates.parse(resolved.all("madison"));
        Optional<String> unavailable = unavailable(ctx, offered, "");
        if (unavailable.isPresent()) {
            return ProcedureResult.failed(unavailable.get() + " Nothing was installed.");
        }
        Optional<String> pkg = DockerCandidates.match(offered, version);
        String from = before(resolved);
        if (ctx.stopRequest().isCancelled()) {
            throw new CommandCancelledException(ctx.server(), name());
        }

        ctx.step(Step.INSTALLING_DOCKER, from + " → " + version);
        narrate(ctx, "installing docker-ce=" + pkg.get() + " docker-ce-cli=" + pkg.get() + " (detached on the server,"
                + " time limit " + limit.toSeconds() + " s)");
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("PKG_VERSION", pkg.get());
        vars.put("TARGET", version);
        vars.put("ALLOW_DOWNGRADE", allowDowngrade ? "yes" : "no");
        vars.put("RESTART_TIMEOUT", Long.toString(restartTimeout.toSeconds()));
        DetachedJob job = new DetachedJob("docker", ctx.runId(), limit, LOCK_WAIT, "docker-job.sh", vars);
        JobFollower.Ending ending = new JobFollower(ctx, job, JobFollower.RECONNECT_WINDOW).run();
        ProcedureResult unfinished = JobEndings.unfinished(ending, "installing Docker " + version);
        return unfinished != null ? unfinished : outcome(ctx, ending.output(), pkg.get(), from);
    }

    private ProcedureResult outcome(ProcedureContext ctx, DockerWeaveScript.Output out, String pkg, String from) {
        if (out.first("already").isPresent()) {
            return new ProcedureResult(true, "Docker already at " + version + " (docker-ce " + pkg + "):"
                    + " nothing changed", List.of(), false, List.of());
        }
        Optional<String> refused = out.first("refused");
        if (refused.isPresent()) {
            String[] parts = refused.get().split(" ", 2);
            return ProcedureResult.failed("refusing to downgrade " + parts[0] + " from " + parts[parts.length - 1]
                    + " to " + pkg + " without permission to downgrade. Nothing was installed.");
        }
        out.first("restart").ifPresent(how -> narrate(ctx, "restarting Docker with: " + how));
        Optional<String> error = out.first("error");
        if (error.isPresent()) {
            return ProcedureResult.failed(error.get());
        }
        if (out.exitStatus() != 0) {
            return ProcedureResult.failed("the Docker install script failed (exit " + out.exitStatus() + ")");
        }
        String running = out.first("running").orElse("");
        if (!running.equals(version)) {
            return ProcedureResult.failed("docker-ce " + pkg + " is installed, but after the restart Docker reports "
                    + (running.isEmpty() ? "no version (is the daemon running?)" : running) + ", not " + version);
        }
        return new ProcedureResult(true, "Docker " + from + " → " + version + " (docker-ce " + pkg + ")",
                List.of("docker-ce " + pkg, "docker-ce-cli " + pkg), false, List.of());
    }

    /** Why apt cannot give this version, if it cannot. */
    private Optional<String> unavailable(ProcedureContext ctx, List<String> offered, String asOf) {
        if (offered.isEmpty()) {
            return Optional.of("apt on " + ctx.server() + " offers no docker-ce package" + asOf
                    + ": is Docker's apt repository in its sources?");
        }
        if (DockerCandidates.match(offered, version).isEmpty()) {
            return Optional.of("Docker " + version + " is not offered by apt on " + ctx.server() + asOf
                    + " (it offers " + String.join(", ", DockerCandidates.releases(offered)) + ").");
        }
        return Optional.empty();
    }

    /** The running daemon's version, else the installed package's, else "none". */
    private static String before(DockerWeaveScript.Output resolved) {
        String running = resolved.first("running").orElse("");
        if (!running.isEmpty()) {
            return running;
        }
        return resolved.all("installed").stream()
                .filter(l -> l.startsWith("docker-ce ") && l.length() > "docker-ce ".length())
                .map(l -> l.substring("docker-ce ".length()).strip())
                .map(v -> DockerCandidates.dockerVersionOf(v).orElse(v))
                .findFirst().orElse("none");
    }

    private static void narrate(ProcedureContext ctx, String line) {
        ctx.line(OutputListener.Stream.STDOUT, "upkeep: " + line);
    }

    @Override
    public String toString() {
        return "DockerUpgrade[" + version + (allowDowngrade ? ", downgrades allowed" : "") + "]";
    }
}
