package dev.upkeep.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * weave-job.sh (header VERSION, URL, SHA256): "downloads" the Weave script, checks its SHA-256 and version, installs
 * it and restarts Weave (a systemd unit on every demo server that has Weave). Nothing is ever downloaded: the demo's
 * mirror is a table of made-up scripts, one per release, whose checksums the demo workspace lists as a user would
 * (settings.weaveChecksums). A wrong checksum fails as on a real server, before anything changes.
 */
final class WeaveJobAnswer {
    static final JobAnswer ANSWER = new JobAnswer("weave-job.sh", Job::new);

    /** The releases the demo's mirror offers. */
    static final List<String> RELEASES = List.of("2.6.5", "2.7.0", "2.8.0", "2.8.1");

    /** The demo mirror's script of {@code version}: a shell script with Weave's SCRIPT_VERSION line near its top. */
    static String script(String version) {
        return "#!/bin/sh\n# Weave Net " + version + ", as Upkeep's demo fleet pretends to serve it (not the real script).\n"
                + "SCRIPT_VERSION=\"" + version + "\"\n";
    }

    /** The SHA-256 of the demo mirror's script, in lowercase hex. */
    static String sha256(String version) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(script(version).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java runtime", e);
        }
    }

    private WeaveJobAnswer() {
    }

    private static final class Job extends SimJob {
        private final String version;
        private final String url;
        private final String expected;

        Job(RemoteScript script, SimSession session) {
            super(session, "weave", script, Duration.ofSeconds(300));
            this.version = script.variable("VERSION", "");
            this.url = script.variable("URL", "");
            this.expected = script.variable("SHA256", "");
        }

        @Override
        protected int script() throws InterruptedException, Exit {
            prologue();
            safePoint("downloading Weave " + version);
            pause(pace.step());
            if (!RELEASES.contains(version)) {
                emit("curl: (22) The requested URL returned error: 404");
                safePoint("installing Weave " + version);
                return fail("download failed: " + url, 2);
            }
            String got = sha256(version);
            if (!got.equals(expected)) {
                return fail("the download from " + url + " has SHA-256 " + got + ", not the " + expected
                        + " expected for Weave " + version + "; nothing changed", 7);
            }
            emit("upkeep: the download is the Weave script " + version + ", SHA-256 " + got + " as expected");
            String before = host.weave();
            String how = before == null ? "none" : "systemd";
            emit("@@upkeep before " + (before == null ? "none" : before));
            emit("@@upkeep restart " + how);
            if (version.equals(before)) {
                emit("@@upkeep already " + version);
                return 0;
            }
            safePoint("stopping Weave to install " + version);
            emit("upkeep: installing Weave " + version + " now: a cancel or the time limit takes effect once Weave runs again");
            emit("@@upkeep installed /usr/local/bin/weave");
            pause(pace.step());
            host.weaveInstalled(version);
            emit("@@upkeep script " + version);
            if (before != null) {
                emit("@@upkeep router " + version);
            }
            return 0;
        }

        private int fail(String why, int status) throws InterruptedException {
            emit("@@upkeep error " + why);
            return status;
        }
    }
}
