package dev.upkeep.testfleet;

import java.nio.charset.StandardCharsets;

/**
 * Stand-ins for Weave Net's {@code weave} script (test resource {@code testfleet/standins/weave}), whose first lines
 * are the real script's ({@code SCRIPT_VERSION="2.8.1"}). It answers {@code weave version} ({@code weave script 2.8.1},
 * then {@code weave 2.8.1} for the running router), {@code launch [peers]}, {@code stop}, {@code connect} and
 * {@code status [targets]}; launch keeps the peers in {@code /var/lib/weave-standin/peers} and logs itself in
 * {@code /var/lib/weave-standin/launches}.
 * <pre>{@code
 * String template = WeaveScripts.publish(fleet, "2.8.0", "2.8.1");   // http://127.0.0.1:P/files/weave/v{version}/weave
 * WeaveScripts.install(fleet.server(0), "2.8.0", "10.0.0.2", "10.0.0.3"); // installed and launched with two peers
 * }</pre>
 */
public final class WeaveScripts {
    public static final String OLD = "2.8.0";
    public static final String NEW = "2.8.1";
    public static final String PEERS_FILE = "/var/lib/weave-standin/peers";

    private WeaveScripts() {
    }

    /** The script of this version. */
    public static byte[] script(String version) {
        if (!version.matches("[0-9]+\\.[0-9]+\\.[0-9]+")) {
            throw new IllegalArgumentException("not a Weave version: " + version);
        }
        return new String(Resources.read("standins/weave"), StandardCharsets.UTF_8).replace("@VERSION@", version)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Serves each version's script at {@code files/weave/v<version>/weave}; returns the URL template with {version}. */
    public static String publish(TestFleet fleet, String... versions) {
        String url = null;
        for (String version : versions) {
            url = fleet.publishFile("weave/v" + version + "/weave", script(version));
        }
        return urlTemplate(url);
    }

    /**
     * Serves {@code content} where a mirror under {@code files/<mirror>/} would have the script of {@code version}
     * (e.g. the wrong version's script); returns that mirror's URL template.
     */
    public static String publishAs(TestFleet fleet, String mirror, String version, byte[] content) {
        return urlTemplate(fleet.publishFile(mirror + "/weave/v" + version + "/weave", content));
    }

    /** Serves each version's script on an HTTPS mirror at {@code weave/v<version>/weave}; returns the URL template. */
    public static String publish(HttpsMirror mirror, String... versions) {
        String url = null;
        for (String version : versions) {
            url = mirror.publish("weave/v" + version + "/weave", script(version));
        }
        return urlTemplate(url);
    }

    /** Serves {@code content} on an HTTPS mirror where {@code <name>}'s copy of {@code version}'s script would be. */
    public static String publishAs(HttpsMirror mirror, String name, String version, byte[] content) {
        return urlTemplate(mirror.publish(name + "/weave/v" + version + "/weave", content));
    }

    /** SHA-256 of the stand-in script of this version, lowercase hex. */
    public static String sha256(String version) {
        return sha256(script(version));
    }

    public static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code weaveChecksums} for these versions' stand-in scripts: version → "sha256:hex". */
    public static java.util.Map<String, String> checksums(String... versions) {
        java.util.Map<String, String> sums = new java.util.LinkedHashMap<>();
        for (String v : versions) {
            sums.put(v, "sha256:" + sha256(v));
        }
        return sums;
    }

    /** Installs the script of this version at /usr/local/bin/weave and, with peers, launches it with them. */
    public static void install(TestServer server, String version, String... peers) {
        server.writeFile("/usr/local/bin/weave", script(version));
        server.run("chmod 0755 /usr/local/bin/weave");
        if (peers.length > 0) {
            for (String peer : peers) {
                if (!peer.matches("[A-Za-z0-9.:-]+")) {
                    throw new IllegalArgumentException("not a peer address: " + peer);
                }
            }
            server.run("weave launch " + String.join(" ", peers));
        }
    }

    private static String urlTemplate(String url) {
        if (url == null) {
            throw new IllegalArgumentException("no version given");
        }
        int v = url.lastIndexOf("/weave/v");
        return url.substring(0, v) + "/weave/v{version}/weave";
    }
}
