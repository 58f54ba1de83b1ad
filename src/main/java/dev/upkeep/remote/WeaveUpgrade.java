package dev.upkeep.remote;

import dev.upkeep.manifest.Versions;
import dev.upkeep.ssh.OutputListener;
import dev.upkeep.ssh.SshException;

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
 *   <li>Download the script (curl, else wget; neither → the server fails, saying so) to a temporary directory and
 *       check it: a {@code #!} script whose {@code SCRIPT_VERSION="…"} line (near the top, as in the real script) is
 *       the wanted version. Anything else is refused before anything changes.
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
    /** The URL after substitution: it reaches a shell (quoted) and curl, so plain characters only. */
    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9._~:/?=&%+@,-]+");

    private final String version;
    private final String url;

    /**
     * @param urlTemplate the {@code weaveDownloadUrl} setting, {@code {version}} standing for the version
     * @throws IllegalArgumentException for a version or URL that is not strictly plain (before anything runs)
     */
    public WeaveUpgrade(String version, String urlTemplate) {
        this.version = Versions.requireWeaveVersion(version);
        this.url = downloadUrl(urlTemplate, version);
    }

    /** The template with the version in it, checked. */
    public static String downloadUrl(String urlTemplate, String version) {
        Versions.requireWeaveVersion(version);
        if (urlTemplate == null || !urlTemplate.contains("{version}")) {
            throw new IllegalArgumentException("the Weave download URL must contain {version}: " + urlTemplate);
        }
        String url = urlTemplate.replace("{version}", version);
        if (!URL.matcher(url).matches()) {
            throw new IllegalArgumentException("not a plain http(s) URL for the Weave script: " + url);
        }
        return url;
    }

    public String version() {
        return version;
    }

    public String url() {
        return url;
    }

    @Override
    public String name() {
        return "Weave " + version;
    }

    @Override
    public ProcedureResult run(ProcedureContext ctx) throws SshException {
        ctx.step(Step.INSTALLING_WEAVE, "downloading Weave " + version);
        ctx.line(OutputListener.Stream.STDOUT, "upkeep: downloading " + url);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("VERSION", version);
        vars.put("URL", url);
        DockerWeaveScript.Output out = DockerWeaveScript.run(ctx, "weave-install.sh", vars, false);
        Optional<String> error = out.first("error");
        if (error.isPresent()) return ProcedureResult.failed(error.get());
        if (out.first("already").isPresent()) {
            return new ProcedureResult(true, "Weave already at " + version + ": nothing changed", List.of(), false,
                    List.of());
        }
        if (out.exitStatus() != 0) {
            return ProcedureResult.failed("the Weave install script failed (exit " + out.exitStatus() + ")");
        }
        String how = out.first("restart").orElse("none");
        List<String> peers = out.all("peer_before");
        Optional<String> wrong = verify(out, !how.equals("none"), peers);
        if (wrong.isPresent()) return ProcedureResult.failed(wrong.get());
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
        if (!restarted) return Optional.empty();
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
        return "WeaveUpgrade[" + version + " from " + url + "]";
    }
}
