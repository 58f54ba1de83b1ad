package dev.upkeep.remote;

import dev.upkeep.manifest.Versions;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Installs the Weave Net script of the manifest's {@code weave_version} on one server and restarts Weave with it.
 * <p>
 * <b>Weave Net's last release is 2.8.1 and the project is archived</b> (weaveworks/weave, read-only): no version
 * after 2.8.1 will appear at the default URL, and GitHub may one day stop serving it. The download URL is the
 * workspace setting {@code weaveDownloadUrl} ({@code {version}} stands for the version), so it can point at a mirror
 * or a fork; see docs/decisions/0004-weave-download.md.
 * <ol>
 *   <li>In a job detached on the server ({@link DetachedJob}: a dropped connection never stops it midway, Upkeep
 *       follows it again after a reconnect; an overall time limit; a cancel stops it at its safe point, before Weave is
 *       stopped): download the script over https only (curl {@code --proto =https --proto-redir =https}, else wget
 *       {@code --https-only} without redirects; neither → the server fails, saying so) to a temporary directory and
 *       check it: its SHA-256 must be the expected one ({@link WeavePins}, or the workspace's checksum), and it must be
 *       a {@code #!} script whose {@code SCRIPT_VERSION="…"} line (near the top, as in the real script) is the wanted
 *       version. Anything else is refused before anything changes.
 *   <li>Note how Weave runs now: a systemd unit {@code weave} that is active (restarted with {@code systemctl}, it
 *       knows its own peers and options), or a router the script launched ({@code weave status targets} answers: its
 *       peers are kept and given to the new launch, after checking each is a plain address), or not running (the
 *       script is replaced, nothing is started).
 *   <li>{@code weave stop} with the old script, install as {@code /usr/local/bin/weave} (mode 755, atomic rename),
 *       {@code weave launch <peers>} with the new one; then {@code weave version} must show the new script (and a
 *       relaunched router its version) and the peers must be the same.
 * </ol>
 * A relaunch passes only the peers: other options the router was first launched with (a password, an IP range)
 * must come from the environment as they did then; servers that need them should run Weave as a systemd unit.
 * Already installed, identical and running at the version → nothing is done.
 */
public final class WeaveUpgrade implements Procedure {
    public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(5);
    /** The URL after substitution: it reaches a shell (quoted) and curl, so plain characters only; https only. */
    private static final Pattern URL = Pattern.compile("https://[A-Za-z0-9._~:/?=&%+@,-]+");

    private final String version;
    private final String url;
    private final String sha256;
    private final Duration limit;

    /**
     * @param urlTemplate the {@code weaveDownloadUrl} setting, {@code {version}} standing for the version
     * @param sha256      the script's expected SHA-256 (64 lowercase hex digits): a pin or the workspace's checksum
     * @param limit       the install's overall time limit on the server
     * @throws IllegalArgumentException for a version, URL or checksum that is not strictly plain (before anything runs)
     */
    public WeaveUpgrade(String version, String urlTemplate, String sha256, Duration limit) {
        this.version = Versions.requireWeaveVersion(version);
        this.url = downloadUrl(urlTemplate, version);
        this.sha256 = WeavePins.requireHex(sha256);
        if (limit == null || limit.toSeconds() < 1) {
            throw new IllegalArgumentException("the Weave time limit must be at least 1 s");
        }
        this.limit = limit;
    }

    /** The template with the version in it, checked. */
    public static String downloadUrl(String urlTemplate, String version) {
        Versions.requireWeaveVersion(version);
        if (urlTemplate == null || !urlTemplate.contains("{version}")) {
            throw new IllegalArgumentException("the Weave download URL must contain {version}: " + urlTemplate);
        }
        String url = urlTemplate.replace("{version}", version);
        if (!URL.matcher(url).matches()) {
            throw new IllegalArgumentException("not a plain https URL for the Weave script (http is refused): " + url);
        }
        return url;
    }

    public String version() {
        return version;
    }

    public String url() {
        return url;
    }

    public String sha256() {
        return sha256;
    }

    @Override
    public String name() {
        return "Weave " + version;
    }

    @Override
    public ProcedureResult run(ProcedureContext ctx) throws SshException {
        ctx.step(Step.INSTALLING_WEAVE, "downloading Weave " + version);
        ctx.line(OutputListener.Stream.STDOUT, "upkeep: downloading " + url + " (https only, SHA-256 " + sha256
                + "; detached on the server, time limit " + limit.toSeconds() + " s)");
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("VERSION", version);
        vars.put("URL", url);
        vars.put("SHA256", sha256);
        vars.put("RESTART_TIMEOUT", Long.toString(DockerUpgrade.RESTART_TIMEOUT.toSeconds()));
        DetachedJob job = new DetachedJob("weave", ctx.runId(), limit, DockerUpgrade.LOCK_WAIT, "weave-job.sh", vars);
        JobFollower.Ending ending = new JobFollower(ctx, job, JobFollower.RECONNECT_WINDOW).run();
        ProcedureResult unfinished = JobEndings.unfinished(ending, "installing Weave " + version);
        if (unfinished != null) {
            return unfinished;
        }
        DockerWeaveScript.Output out = ending.output();
        Optional<String> error = out.first("error");
        if (error.isPresent()) {
            return ProcedureResult.failed(error.get());
        }
        if (out.first("already").isPresent()) {
            return new ProcedureResult(true, "Weave already at " + version + ": nothing changed", List.of(), false,
                    List.of());
        }
        if (out.exitStatus() != 0) {
            return ProcedureResult.failed("the Weave install job failed (exit " + out.exitStatus() + "; log " + job.log() + ")");
        }
        String how = out.first("restart").orElse("none");
        List<String> peers = out.all("peer_before");
        Optional<String> wrong = verify(out, !how.equals("none"), peers);
        if (wrong.isPresent()) {
            return ProcedureResult.failed(wrong.get());
        }
        return new ProcedureResult(true, "Weave " + out.first("before").orElse("none") + " → " + version
                + restartNote(how, peers), List.of("weave " + version), false, List.of());
    }

    /** What `weave version` and the peers say after the install, when it is not what it should be. */
    private Optional<String> verify(DockerWeaveScript.Output out, boolean restarted, List<String> peersBefore) {
        String script = out.first("script").orElse("");
        if (!script.equals(version)) {
            return Optional.of("after installing, weave version reports script " + (script.isEmpty() ? "nothing" : script)
                    + ", not " + version);
        }
        if (!restarted) {
            return Optional.empty();
        }
        String router = out.first("router").orElse("");
        if (!router.equals(version)) {
            return Optional.of("the Weave script " + version + " is installed, but the restarted router reports "
                    + (router.isEmpty() ? "no version (not running?)" : router));
        }
        List<String> peersAfter = out.all("peer_after");
        if (!peersAfter.equals(peersBefore)) {
            return Optional.of("Weave " + version + " runs, but its peers changed: " + peersBefore + " before, "
                    + peersAfter + " after");
        }
        return Optional.empty();
    }

    private static String restartNote(String how, List<String> peers) {
        return switch (how) {
            case "systemd" -> " (restarted with systemctl restart weave)";
            case "relaunch" -> peers.isEmpty() ? " (router relaunched, no peers)"
                    : " (router relaunched with peers " + String.join(", ", peers) + ")";
            default -> " (Weave was not running: not started)";
        };
    }

    @Override
    public String toString() {
        return "WeaveUpgrade[" + version + " from " + url + ", sha256 " + sha256 + "]";
    }
}
