package dev.upkeep.manifest;
import java.util.List;
import java.util.Map;

/**
 * Compares the versions a manifest asks for with what a server runs. Pure: no I/O, strings in, verdict out.
 */
public final class Drift {
    private Drift() {
    }

    /** What one component (Docker or Weave) looks like on one server. */
    public enum State {
        /** Runs what the manifest says. */
        IN_SYNC,
        /** Runs something else: an upgrade (or downgrade) is due. */
        DRIFTED,
        /** The manifest names no version, or the server's version is not known (yet). */
        UNKNOWN
    }

    /** The verdict for one server. */
    public record ServerDrift(String server, String wantedDocker, String runningDocker, State docker,
                              String wantedWeave, String runningWeave, State weave) {
        public boolean drifted() {
            return docker == State.DRIFTED || weave == State.DRIFTED;
        }
    }

    /** What a server reports it runs (either may be null: not installed, or not probed yet). */
    public record Running(String docker, String weave) {
    }

    /**
     * One verdict per named server of the environment's {@code docker} component (external and {@code same_as}
     * entries have no Docker of their own here), in manifest order. Servers missing from {@code running} are UNKNOWN.
     */
    public static List<ServerDrift> forServers(ManifestDocument manifest, String environment,
                                                         Map<String, Running> running) {
        String wantedDocker = manifest.dockerVersion(environment).orElse(null);
        String wantedWeave = manifest.weaveVersion(environment).orElse(null);
        return manifest.servers(environment).stream()
                .filter(s -> s.uniqueName() != null && "docker".equals(s.componentType()))
                .map(s -> {
                    Running r = running.getOrDefault(s.uniqueName(), new Running(null, null));
                    return of(s.uniqueName(), wantedDocker, wantedWeave, r.docker(), r.weave());
                })
                .toList();
    }

    public static ServerDrift of(String server, String wantedDocker, String wantedWeave, String runningDocker,
                                 String runningWeave) {
        return new ServerDrift(server, wantedDocker, runningDocker, compare(wantedDocker, runningDocker),
                wantedWeave, runningWeave, compare(wantedWeave, runningWeave));
    }

    /**
     * Same version after normalising how tools print it: {@code v2.8.1} is {@code 2.8.1}, and Docker's
     * {@code -ce} suffix is ignored on both sides ({@code 18.03.0-ce} reports itself as {@code 18.03.0-ce}, newer
     * packaging as {@code 18.03.0}).
     */
    public static State compare(String wanted, String running) {
        if (blank(wanted) || blank(running)) {
            return State.UNKNOWN;
        }
        return normalise(wanted).equals(normalise(running)) ? State.IN_SYNC : State.DRIFTED;
    }

    static String normalise(String version) {
        String v = version.strip();
        if (v.startsWith("v") || v.startsWith("V")) {
            v = v.substring(1);
        }
        return v.endsWith("-ce") ? v.substring(0, v.length() - 3) : v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
