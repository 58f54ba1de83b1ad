package dev.upkeep.fleet;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Workspace-wide settings; paths are kept as the user wrote them ("~" is expanded where they are used).
 * {@code weaveDownloadUrl} is where the Weave script of a version is downloaded from, {@code {version}} standing for
 * the version (Weave Net's last release is 2.8.1 and the project is archived: point it at a mirror or fork if need be);
 * https only. {@code weaveChecksums} gives the script's SHA-256 per version where Upkeep has no pin (a mirror, a fork).
 * {@code dockerTimeoutSeconds}/{@code weaveTimeoutSeconds} bound each install on a server. {@code patchAgeWarnDays}:
 * a last security upgrade older than this many days is marked (the window's column, the report).
 */
public record Settings(int concurrency, String knownHosts, String sshConfig, int connectTimeoutSeconds,
                       String weaveDownloadUrl, int dockerTimeoutSeconds, int weaveTimeoutSeconds,
                       Map<String, String> weaveChecksums, int patchAgeWarnDays) {
    /**
     * An https URL of plain characters only: it is passed (quoted) to curl on the servers, so nothing a shell or
     * curl's URL globbing ({@code []}) could read is allowed; {@code {}} only in the {@code {version}} placeholder.
     * Declared before DEFAULTS, which uses it.
     */
    private static final Pattern WEAVE_URL =
            Pattern.compile("https://[A-Za-z0-9._~:/?=&%+@,-]*(\\{version\\}[A-Za-z0-9._~:/?=&%+@,-]*)+");
    /** "sha256:" and 64 hex digits. */
    private static final Pattern CHECKSUM = Pattern.compile("sha256:([0-9a-fA-F]{64})");
    public static final String DEFAULT_WEAVE_DOWNLOAD_URL =
            "https://github.com/weaveworks/weave/releases/download/v{version}/weave";
    public static final int DEFAULT_DOCKER_TIMEOUT_SECONDS = 900;
    public static final int DEFAULT_WEAVE_TIMEOUT_SECONDS = 300;
    public static final int DEFAULT_PATCH_AGE_WARN_DAYS = 14;
    public static final Settings DEFAULTS = new Settings(10, "~/.ssh/known_hosts", "~/.ssh/config", 10,
            DEFAULT_WEAVE_DOWNLOAD_URL);

    public Settings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (connectTimeoutSeconds < 1) {
            throw new IllegalArgumentException("connectTimeoutSeconds must be at least 1");
        }
        if (!isWeaveUrlTemplate(weaveDownloadUrl)) {
            throw new IllegalArgumentException("weaveDownloadUrl must be an https URL containing {version}: "
                    + weaveDownloadUrl);
        }
        if (patchAgeWarnDays < 1 || patchAgeWarnDays > 3650) {
            throw new IllegalArgumentException("patchAgeWarnDays must be between 1 and 3650");
        }
        if (dockerTimeoutSeconds < 1 || weaveTimeoutSeconds < 1) {
            throw new IllegalArgumentException("install time limits must be at least 1 s");
        }
        TreeMap<String, String> sums = new TreeMap<>();
        if (weaveChecksums != null) {
            weaveChecksums.forEach((version, sum) -> {
                if (!isChecksum(sum)) {
                    throw new IllegalArgumentException("weaveChecksums." + version + " is not sha256:<64 hex digits>");
                }
                sums.put(version, sum.toLowerCase(Locale.ROOT));
            });
        }
        weaveChecksums = Collections.unmodifiableMap(sums);
    }

    /** Settings as before the patch age warning existed: 14 days. */
    public Settings(int concurrency, String knownHosts, String sshConfig, int connectTimeoutSeconds,
                    String weaveDownloadUrl, int dockerTimeoutSeconds, int weaveTimeoutSeconds,
                    Map<String, String> weaveChecksums) {
        this(concurrency, knownHosts, sshConfig, connectTimeoutSeconds, weaveDownloadUrl, dockerTimeoutSeconds,
                weaveTimeoutSeconds, weaveChecksums, DEFAULT_PATCH_AGE_WARN_DAYS);
    }

    /** Settings as before the install time limits and Weave checksums existed: their defaults. */
    public Settings(int concurrency, String knownHosts, String sshConfig, int connectTimeoutSeconds,
                    String weaveDownloadUrl) {
        this(concurrency, knownHosts, sshConfig, connectTimeoutSeconds, weaveDownloadUrl, DEFAULT_DOCKER_TIMEOUT_SECONDS,
                DEFAULT_WEAVE_TIMEOUT_SECONDS, Map.of());
    }

    /** Settings as before this field existed: the default Weave download URL. */
    public Settings(int concurrency, String knownHosts, String sshConfig, int connectTimeoutSeconds) {
        this(concurrency, knownHosts, sshConfig, connectTimeoutSeconds, DEFAULT_WEAVE_DOWNLOAD_URL);
    }

    /** True for an https URL of plain characters that contains {@code {version}} (and no other braces). */
    public static boolean isWeaveUrlTemplate(String value) {
        return value != null && value.length() <= 2000 && WEAVE_URL.matcher(value).matches();
    }

    /** True for {@code sha256:} followed by 64 hex digits. */
    public static boolean isChecksum(String value) {
        return value != null && CHECKSUM.matcher(value).matches();
    }

    /** The workspace's SHA-256 of the Weave script of {@code version}, as 64 lowercase hex digits; null if none. */
    public String weaveChecksum(String version) {
        String sum = weaveChecksums.get(version);
        return sum == null ? null : sum.substring("sha256:".length());
    }

    public Settings withWeaveDownload(String urlTemplate, Map<String, String> checksums) {
        return new Settings(concurrency, knownHosts, sshConfig, connectTimeoutSeconds, urlTemplate, dockerTimeoutSeconds,
                weaveTimeoutSeconds, checksums, patchAgeWarnDays);
    }

    public Settings withInstallTimeouts(int dockerSeconds, int weaveSeconds) {
        return new Settings(concurrency, knownHosts, sshConfig, connectTimeoutSeconds, weaveDownloadUrl, dockerSeconds,
                weaveSeconds, weaveChecksums, patchAgeWarnDays);
    }

    public Settings withPatchAgeWarnDays(int days) {
        return new Settings(concurrency, knownHosts, sshConfig, connectTimeoutSeconds, weaveDownloadUrl, dockerTimeoutSeconds,
                weaveTimeoutSeconds, weaveChecksums, days);
    }
}
