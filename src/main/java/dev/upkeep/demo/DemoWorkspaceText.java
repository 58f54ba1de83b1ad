package dev.upkeep.demo;

import java.util.Map;

/** The demo's workspace.yml and each application's Manifest.yml, as a person would write them. */
final class DemoWorkspaceText {
    static final String KEY_FILE = "demo_key";
    static final String KNOWN_HOSTS = "known_hosts";
    static final String SSH_CONFIG = "ssh_config";
    /** Never fetched (the simulated servers download nothing); ".invalid" can never resolve. */
    static final String WEAVE_URL = "https://weave.upkeep-demo.invalid/v{version}/weave";

    private DemoWorkspaceText() {
    }

    static String workspace(Map<String, Integer> ports) {
        StringBuilder y = new StringBuilder("""
                # Upkeep's demo fleet: simulated servers that answer on 127.0.0.1 (see docs/demo.md).
                # None of them is a real machine. This folder and everything in it is deleted when Upkeep exits.
                settings:
                  concurrency: 10
                  knownHosts: %s        # the demo's own trusted host keys, never ~/.ssh/known_hosts
                  sshConfig: %s         # empty: the demo reads no ~/.ssh/config
                  connectTimeoutSeconds: 5
                  weaveDownloadUrl: "%s"   # never fetched: nothing here downloads anything
                  # What a user adds for a Weave mirror or fork: the SHA-256 of each script (sha256sum weave). Upkeep
                  # refuses a Weave download without one; these are the demo mirror's own made-up scripts.
                  weaveChecksums:
                %s
                applications:
                """.formatted(KNOWN_HOSTS, SSH_CONFIG, WEAVE_URL, checksums()));
        for (DemoScenario.App app : DemoScenario.APPS) {
            y.append("  - name: ").append(app.name()).append('\n')
                    .append("    environment: production\n")
                    .append("    manifest: ").append(app.name()).append("/Manifest.yml\n");
            if (app.name().equals("shop")) {
                y.append("    failoverAddress: shop.upkeep-demo.invalid\n")
                        .append("    reboot:\n      healthCheck: {command: \"systemctl is-active nginx\"}\n");
            }
            y.append("    servers:\n");
            for (String server : app.servers()) {
                y.append("      - name: ").append(server).append('\n')
                        .append("        host: 127.0.0.1\n")
                        .append("        port: ").append(ports.get(server)).append('\n')
                        .append("        user: root\n")
                        .append("        identityFile: ").append(KEY_FILE).append('\n')
                        .append("        groups: [").append(group(server)).append("]\n");
            }
        }
        return y.toString();
    }

    static String manifest(DemoScenario.App app) {
        StringBuilder y = new StringBuilder("""
                # %s: what the platform provisions, and the versions every server should run.
                # Edit it in Upkeep (Servers › Edit Manifest.yml): the table shows which servers drift from it.
                production:
                  docker:
                    configuration:
                      docker_version: %s   # some servers still run 20.10 or 23.0
                      weave_version: %s
                    servers:
                """.formatted(app.name(), app.docker(), app.weave()));
        for (String server : app.servers()) {
            y.append("      - server:\n          unique_name: ").append(server).append("\n          address: 127.0.0.1\n");
        }
        return y.toString();
    }

    private static String checksums() {
        StringBuilder y = new StringBuilder();
        for (String version : WeaveJobAnswer.RELEASES) {
            if (!y.isEmpty()) {
                y.append('\n');
            }
            y.append("    \"").append(version).append("\": \"sha256:").append(WeaveJobAnswer.sha256(version)).append('"');
        }
        return y.toString();
    }

    private static String group(String server) {
        if (server.contains("worker")) {
            return "worker";
        }
        if (server.startsWith("shop")) {
            return "web";
        }
        return server.startsWith("db") ? "db" : "api";
    }
}
