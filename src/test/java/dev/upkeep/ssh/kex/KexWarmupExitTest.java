package dev.upkeep.ssh.kex;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A warm-up that has not finished never keeps the JVM alive (a million rounds would take most of a day). */
class KexWarmupExitTest {
    @Test
    void theJvmExitsWhenMainEndsWhileTheWarmupIsStillRunning() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WarmupExitProbe.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean exited = p.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(exited).as("the JVM exited").isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).contains("warm-up running at the end of main: true");
    }
}
