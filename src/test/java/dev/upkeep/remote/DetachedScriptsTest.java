package dev.upkeep.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell the security upgrade and the Docker/Weave jobs share is one copy, sent to the server by both. */
class DetachedScriptsTest {
    private static final String RUN = "20261126T100000Z-abc123";

    private final DetachedJob docker = new DetachedJob("docker", RUN, Duration.ofMinutes(5), Duration.ofSeconds(30),
            "docker-job.sh", Map.of("TARGET", "5:27.3.1-1~ubuntu.24.04~noble"));

    @Test
    void bothFollowersRunTheOneFollowLoop() {
        String loop = Scripts.load("follow-loop.sh");

        assertThat(SecurityUpgradeScripts.follow(RUN, 17)).contains(Scripts.load("detached-common.sh")).contains(loop);
        assertThat(docker.follow(17)).contains(Scripts.load("detached-common.sh")).contains(loop);
    }

    @Test
    void bothStartScriptsLaunchTheirJobThroughTheOneSharedLauncher() {
        String security = SecurityUpgradeScripts.start(RUN, Duration.ofSeconds(30), false);
        String job = docker.start();

        // What the SSH session runs after writing the job (write_job embeds the job, which carries the common part too).
        assertThat(afterWriteJob(security)).doesNotContain("systemd-run").doesNotContain("nohup")
                .contains("launch_job \"upkeep-upgrade-$RUN_ID\"");
        assertThat(afterWriteJob(job)).doesNotContain("systemd-run").doesNotContain("nohup").contains("launch_job \"upkeep-$NAME\"");
        assertThat(count(security, "systemd-run --quiet")).as("the launcher, in the session and in the job").isEqualTo(2);
    }

    @Test
    void theFollowLoopPrintsTheLogFromTheLineAskedThenTheJobsExitStatus(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("log"), "one\ntwo\nthree\n");
        Files.writeString(dir.resolve("status"), "0\n");
        // The loop as sent, with the job's files in a temporary folder and a job that is no longer running.
        String script = "LOG='" + dir.resolve("log") + "'\nSTATUS='" + dir.resolve("status") + "'\nFROM=1\n"
                + "job_running() { false; }\njob_just_started() { false; }\n"
                + Scripts.load("follow-loop.sh") + Scripts.load("job-follow.sh");

        assertThat(sh(script)).isEqualTo("two\nthree\n@@upkeep-follow at 3\n@@upkeep-follow exit 0\n");
    }

    @Test
    void aJobCountsAsJustStartedForHalfAMinuteAfterItsScriptWasWritten(@TempDir Path dir) throws Exception {
        Path fresh = Files.writeString(dir.resolve("security-new.sh"), "");
        Path old = Files.writeString(dir.resolve("security-old.sh"), "");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(120)));
        // The security start script asks about the earlier run's script; the followers about their own ($JOB).
        String checks = "JOB='" + old + "'\n"
                + "job_just_started '" + fresh + "' && echo fresh-yes\n"
                + "job_just_started '" + old + "' || echo old-no\n"
                + "job_just_started || echo own-old-no\n"
                + "job_just_started '" + dir.resolve("missing.sh") + "' || echo missing-no\n";

        assertThat(sh(Scripts.load("detached-common.sh") + checks)).isEqualTo("fresh-yes\nold-no\nown-old-no\nmissing-no\n");
    }

    private static String sh(String script) throws Exception {
        Process p = new ProcessBuilder("sh").redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private static String afterWriteJob(String start) {
        return start.substring(start.lastIndexOf("UPKEEP_JOB_END\n}\n"));
    }

    private static int count(String text, String part) {
        return (int) Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
