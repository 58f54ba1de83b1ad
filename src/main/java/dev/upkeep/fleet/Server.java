package dev.upkeep.fleet;

import java.util.List;
import java.util.Objects;

/**
 * A host reached over SSH. {@code port}, {@code user} and {@code identityFile} are optional (null): when absent,
 * ~/.ssh/config and OpenSSH defaults decide, exactly as {@code ssh host} would. {@code fromManifest} marks a
 * registered server read from the application's Manifest.yml: shown and worked on, never written to the workspace.
 */
public record Server(String name, String host, Integer port, String user, String identityFile, boolean sudo,
                     List<String> groups, boolean fromManifest) {
    public Server {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public Server(String name, String host, Integer port, String user, String identityFile, boolean sudo,
                  List<String> groups) {
        this(name, host, port, user, identityFile, sudo, groups, false);
    }

    /** Whether a name and address read from elsewhere (a manifest) are what a workspace file would accept. */
    public static boolean isPlain(String name, String host) {
        return WorkspaceValidator.NAME.matcher(name).matches() && WorkspaceValidator.HOST.matcher(host).matches();
    }

    public static Server of(String name, String host) {
        return new Server(name, host, null, null, null, false, List.of());
    }
}
