package dev.upkeep.fleet;

import java.util.regex.Pattern;

/**
 * Workspace-wide settings; paths are kept as the user wrote them ("~" is expanded where they are used).
 * {@code weaveDownloadUrl} is where the Weave script of a version is downloaded from, {@code {version}} standing for
 * the version (Weave Net's last release is 2.8.1 and the project is archived: point it at a mirror or fork if need be).
 */
public record Settings(int concurrency, String knownHosts, String sshConfig, int connectTimeoutSeconds,
                       String weaveDownloadUrl) {
    /**
     * An http(s) URL of plain characters only: it is passed (quoted) to curl on the servers, so nothing a shell or
     * curl's URL globbing ({@code []}) could read is allowed; {@code {}} only in the {@code {version}} placeholder.
     * Declared before DEFAULTS, which uses it.
     */
    private static final Pattern WEAVE_URL =
            Pattern.compile("https?://[A-Za-z0-9._~:/?=&%+@,-]*(\\{version\\}[A-Za-z0-9._~:/?=&%+@,-]*)+");
    public static final String DEFAULT_WEAVE_DOWNLOAD_URL =
            "https://github.com/weaveworks/weave/releases/download/v{version}/weave";
    public static final Settings DEFAULTS = new Settings(10, "~/.ssh/known_hosts", "~/.ssh/config", 10,
            DEFAULT_WEAVE_DOWNLOAD_URL);

    public Settings {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        if (connectTimeoutSeconds < 1) throw new IllegalArgumentException("connectTimeoutSeconds must be at least 1");
        if (!isWeaveUrlTemplate(weaveDownloadUrl)) {
            throw new IllegalArgumentException("weaveDownloadUrl must be an http(s) URL containing {version}: "
                    + weaveDownloadUrl);
        }
    }

    /** Settings as before this field existed: the default Weave download URL. */
    public Settings(int concurrency, String knownHosts, String sshConfig, int connectTimeoutSeconds) {
        this(concurrency, knownHosts, sshConfig, connectTimeoutSeconds, DEFAULT_WEAVE_DOWNLOAD_URL);
    }

    /** True for an http(s) URL of plain characters that contains {@code {version}} (and no other braces). */
    public static boolean isWeaveUrlTemplate(String value) {
        return value != null && value.length() <= 2000 && WEAVE_URL.matcher(value).matches();
    }
}
