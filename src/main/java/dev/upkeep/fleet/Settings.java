package dev.upkeep.fleet;

/** Workspace-wide settings; paths are kept as the user wrote them ("~" is expanded where they are used). */
public record Settings(int concurrency, String knownHosts, String sshConfig, int connectTimeoutSeconds) {
    public static final Settings DEFAULTS = new Settings(10, "~/.ssh/known_hosts", "~/.ssh/config", 10);

    public Settings {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        if (connectTimeoutSeconds < 1) throw new IllegalArgumentException("connectTimeoutSeconds must be at least 1");
    }
}
