package dev.upkeep.export;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.manifest.Versions;
import dev.upkeep.remote.DockerUpgrade;
import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.WeaveUpgrade;
import dev.upkeep.run.ManifestUpgradeHooks;

/**
 * An application's Docker and Weave targets for the playbook, read from its Manifest.yml by the rules of Upkeep's own
 * run ({@link ManifestUpgradeHooks}): strict versions, an https Weave URL, a known SHA-256. Null fields are not
 * exported. Every value here is plain (digits, dots, hex, a checked URL), so none can break out of YAML or Jinja.
 */
record AppTargets(String dockerVersion, String weaveVersion, String weaveUrl, String weaveSha256) {
    static final AppTargets NONE = new AppTargets(null, null, null, null);

    /** @throws ExportException naming the application when its manifest cannot give what the options ask for */
    static AppTargets of(Workspace ws, Application app, ExportOptions o) throws ExportException {
        if (!o.docker() && !o.weave()) {
            return NONE;
        }
        String docker = null;
        WeaveUpgrade weave = null;
        try {
            for (Procedure p : ManifestUpgradeHooks.procedures(ws, app, o.docker(), o.weave())) {
                if (p instanceof DockerUpgrade d) {
                    docker = d.version();
                }
                if (p instanceof WeaveUpgrade w) {
                    weave = w;
                }
            }
        } catch (IllegalArgumentException e) {
            String why = e.getMessage();
            throw new ExportException(why.contains("'" + app.name() + "'") ? why : "application '" + app.name() + "': " + why);
        }
        return weave == null ? new AppTargets(docker, null, null, null) : new AppTargets(docker, weave.version(), weave.url(), weave.sha256());
    }

    /**
     * A regular expression (Python's and Java's alike) matching exactly the apt package versions that are this Docker
     * version, as {@code remote.DockerCandidates} reads them: {@code 24.0.7} matches {@code 5:24.0.7-1~debian.12~bookworm},
     * {@code 18.03.0-ce} matches {@code 18.03.0~ce-0~debian}; pre-releases ({@code 24.0.7~rc.1-1}) match nothing.
     */
    static String packagePattern(String dockerVersion) {
        Versions.requireDockerVersion(dockerVersion);
        boolean ce = dockerVersion.endsWith("-ce");
        String release = ce ? dockerVersion.substring(0, dockerVersion.length() - "-ce".length()) : dockerVersion;
        return "^([0-9]+:)?" + release.replace(".", "[.]") + (ce ? "~ce" : "") + "(~[0-9]+)?-[A-Za-z0-9.+~-]+$";
    }
}
