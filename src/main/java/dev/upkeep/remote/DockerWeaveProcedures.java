package dev.upkeep.remote;

import dev.upkeep.fleet.Settings;
import dev.upkeep.manifest.ManifestDocument;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the Docker and Weave procedures of a run from its options and each application's manifest. Everything is
 * checked here, before any connection: the manifest's versions ({@link UpgradeTargets}), the Weave URL (https only)
 * and the SHA-256 its download is checked against (the workspace's checksum for that version, else the pin shipped
 * with Upkeep; neither → refused). The same procedures serve every server of the application (no per-server state).
 * <pre>{@code
 * var options = new DockerWeaveProcedures.Options(docker, weave, allowDowngrade, settings.weaveDownloadUrl());
 * var factory = new DockerWeaveProcedures(options);
 * List<Procedure> steps = factory.forApplication(manifest, app.environment()); // throws UpgradeTargetsException
 * }</pre>
 */
public final class DockerWeaveProcedures {
    /**
     * @param docker           install the manifest's Docker version
     * @param weave            install the manifest's Weave version
     * @param allowDowngrade   let Docker go to an older package version than the installed one
     * @param weaveUrlTemplate the {@code weaveDownloadUrl} setting; null means the default (GitHub releases)
     * @param weaveChecksums   the {@code weaveChecksums} setting: version → "sha256:hex"
     * @param dockerLimit      each Docker install's time limit on the server
     * @param weaveLimit       each Weave install's time limit on the server
     * @param pins             the Weave pins (normally {@link WeavePins#bundled()})
     */
    public record Options(boolean docker, boolean weave, boolean allowDowngrade, String weaveUrlTemplate,
                          Map<String, String> weaveChecksums, Duration dockerLimit, Duration weaveLimit, WeavePins pins) {
        public Options {
            if (weaveUrlTemplate == null) {
                weaveUrlTemplate = Settings.DEFAULT_WEAVE_DOWNLOAD_URL;
            }
            if (!Settings.isWeaveUrlTemplate(weaveUrlTemplate)) {
                throw new IllegalArgumentException("not an https Weave download URL with {version}: " + weaveUrlTemplate);
            }
            weaveChecksums = weaveChecksums == null ? Map.of() : Map.copyOf(weaveChecksums);
            if (dockerLimit == null) {
                dockerLimit = DockerUpgrade.DEFAULT_LIMIT;
            }
            if (weaveLimit == null) {
                weaveLimit = WeaveUpgrade.DEFAULT_LIMIT;
            }
            if (pins == null) {
                pins = WeavePins.bundled();
            }
        }

        public Options(boolean docker, boolean weave, boolean allowDowngrade, String weaveUrlTemplate) {
            this(docker, weave, allowDowngrade, weaveUrlTemplate, null, null, null, null);
        }

        /** The options a workspace's settings give: its Weave URL, checksums and install time limits. */
        public static Options of(boolean docker, boolean weave, boolean allowDowngrade, Settings settings) {
            return new Options(docker, weave, allowDowngrade, settings.weaveDownloadUrl(), settings.weaveChecksums(),
                    Duration.ofSeconds(settings.dockerTimeoutSeconds()), Duration.ofSeconds(settings.weaveTimeoutSeconds()),
                    null);
        }

        /** The SHA-256 (hex) a Weave download of {@code version} must have: the workspace's, else the pin; or null. */
        String expectedSha256(String version) {
            String sum = weaveChecksums.get(version);
            if (sum != null) {
                return sum.substring("sha256:".length()).toLowerCase(Locale.ROOT);
            }
            return pins.pin(version).orElse(null);
        }
    }

    private final Options options;

    public DockerWeaveProcedures(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    /**
     * The procedures for one application's servers, Docker first (the Weave router runs on Docker), then Weave.
     * Empty when neither option is on.
     *
     * @throws UpgradeTargetsException when an option is on but the manifest names no version for it, or a bad one
     */
    public List<Procedure> forApplication(ManifestDocument manifest, String environment) throws UpgradeTargetsException {
        if (!options.docker() && !options.weave()) {
            return List.of();
        }
        return forTargets(UpgradeTargets.of(manifest, environment), manifest.fileName());
    }

    /** As {@link #forApplication} with the versions already read; {@code source} names them in messages. */
    public List<Procedure> forTargets(UpgradeTargets targets, String source) throws UpgradeTargetsException {
        List<Procedure> procedures = new ArrayList<>();
        if (options.docker()) {
            String version = targets.docker().orElseThrow(() -> new UpgradeTargetsException(
                    source + " names no Docker version (docker: configuration: docker_version)"));
            procedures.add(new DockerUpgrade(version, options.allowDowngrade(), options.dockerLimit()));
        }
        if (options.weave()) {
            String version = targets.weave().orElseThrow(() -> new UpgradeTargetsException(
                    source + " names no Weave version (docker: configuration: weave_version)"));
            String sha256 = options.expectedSha256(version);
            if (sha256 == null) {
                throw new UpgradeTargetsException(noChecksum(version));
            }
            try {
                procedures.add(new WeaveUpgrade(version, options.weaveUrlTemplate(), sha256, options.weaveLimit()));
            } catch (IllegalArgumentException e) {
                throw new UpgradeTargetsException(source + ": " + e.getMessage());
            }
        }
        return List.copyOf(procedures);
    }

    /** Why a Weave version cannot be installed without a checksum, and what to do about it. */
    private String noChecksum(String version) {
        boolean mirror = !options.weaveUrlTemplate().equals(Settings.DEFAULT_WEAVE_DOWNLOAD_URL);
        String why = !options.pins().known(version)
                ? "Weave " + version + " is not a release Upkeep knows (" + (mirror ? "a mirror or fork" : "Weave Net's last is 2.8.1") + ")"
                : "Upkeep ships no verified SHA-256 pin for Weave " + version;
        return why + ", so its download from " + WeaveUpgrade.downloadUrl(options.weaveUrlTemplate(), version)
                + " cannot be checked and is refused. Check the script yourself (sha256sum weave) and add it to the"
                + " workspace: settings: weaveChecksums: {\"" + version + "\": \"sha256:<64 hex digits>\"}";
    }
}
