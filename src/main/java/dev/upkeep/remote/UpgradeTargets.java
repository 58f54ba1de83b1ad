package dev.upkeep.remote;

import dev.upkeep.manifest.ManifestDocument;
import dev.upkeep.manifest.Versions;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Docker and Weave versions an application's Manifest.yml asks for ({@code docker: configuration: docker_version}
 * — or {@code version} in older manifests — and {@code weave_version}, under an environment root when the file has
 * one). Read and checked against {@link Versions} before any server is contacted: these strings end up in package
 * pins and download URLs, so {@code 24.0.7; rm -rf /} is refused here, not escaped later.
 *
 * @param docker empty when the manifest names no Docker version
 * @param weave  empty when the manifest names no Weave version
 */
public record UpgradeTargets(Optional<String> docker, Optional<String> weave) {
    public UpgradeTargets {
        docker.ifPresent(Versions::requireDockerVersion);
        weave.ifPresent(Versions::requireWeaveVersion);
    }

    /**
     * @param environment the application's environment ({@code production}); null for a manifest without
     *                    environments or with exactly one
     */
    public static UpgradeTargets of(ManifestDocument manifest, String environment) throws UpgradeTargetsException {
        if (!manifest.isParsed()) {
            throw new UpgradeTargetsException(manifest.fileName() + " cannot be read: " + manifest.syntaxProblems().stream()
                    .map(p -> "line " + p.line() + ": " + p.message()).collect(Collectors.joining("; ")));
        }
        if (environment != null && manifest.hasEnvironmentRoot() && !manifest.environments().contains(environment)) {
            throw new UpgradeTargetsException(manifest.fileName() + " has no environment '" + environment + "' (it has "
                    + String.join(", ", manifest.environments()) + ")");
        }
        Optional<String> docker = manifest.dockerVersion(environment).map(String::strip);
        if (docker.isPresent() && !Versions.isDockerVersion(docker.get())) {
            throw new UpgradeTargetsException(manifest.fileName() + ": " + manifest.dockerVersionPath(environment)
                    + " is not a Docker version like 24.0.7 or 18.03.0-ce: '" + printable(docker.get()) + "'");
        }
        Optional<String> weave = manifest.weaveVersion(environment).map(String::strip);
        if (weave.isPresent() && !Versions.isWeaveVersion(weave.get())) {
            throw new UpgradeTargetsException(manifest.fileName() + ": " + manifest.weaveVersionPath(environment)
                    + " is not a Weave version like 2.8.1: '" + printable(weave.get()) + "'");
        }
        return new UpgradeTargets(docker, weave);
    }

    /** Keeps a hostile value readable in one line of a message. */
    private static String printable(String value) {
        String s = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
