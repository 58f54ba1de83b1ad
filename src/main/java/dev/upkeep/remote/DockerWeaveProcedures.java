package dev.upkeep.remote;

import dev.upkeep.fleet.Settings;
import dev.upkeep.manifest.ManifestDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the Docker and Weave procedures of a run from its options and each application's manifest. Everything is
 * checked here, before any connection: the manifest's versions ({@link UpgradeTargets}) and the Weave URL. The same
 * procedures serve every server of the application (they keep no per-server state).
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
     */
    public record Options(boolean docker, boolean weave, boolean allowDowngrade, String weaveUrlTemplate) {
        public Options {
            if (weaveUrlTemplate == null) weaveUrlTemplate = Settings.DEFAULT_WEAVE_DOWNLOAD_URL;
            if (!Settings.isWeaveUrlTemplate(weaveUrlTemplate)) {
                throw new IllegalArgumentException("not a Weave download URL with {version}: " + weaveUrlTemplate);
            }
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
        if (!options.docker() && !options.weave()) return List.of();
        return forTargets(UpgradeTargets.of(manifest, environment), manifest.fileName());
    }

    /** As {@link #forApplication} with the versions already read; {@code source} names them in messages. */
    public List<Procedure> forTargets(UpgradeTargets targets, String source) throws UpgradeTargetsException {
        List<Procedure> procedures = new ArrayList<>();
        if (options.docker()) {
            String version = targets.docker().orElseThrow(() -> new UpgradeTargetsException(
                    source + " names no Docker version (docker: configuration: docker_version)"));
            procedures.add(new DockerUpgrade(version, options.allowDowngrade()));
        }
        if (options.weave()) {
            String version = targets.weave().orElseThrow(() -> new UpgradeTargetsException(
                    source + " names no Weave version (docker: configuration: weave_version)"));
            try {
                procedures.add(new WeaveUpgrade(version, options.weaveUrlTemplate()));
            } catch (IllegalArgumentException e) {
                throw new UpgradeTargetsException(source + ": " + e.getMessage());
            }
        }
        return List.copyOf(procedures);
    }
}
