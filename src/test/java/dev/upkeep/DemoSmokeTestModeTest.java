package dev.upkeep;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upkeep --demo --smoke-test} as the packaging checks will run it: a separate JVM, the real launcher, the
 * window on a headless screen (Monocle), exit 0 only once the first refresh and one security upgrade are done.
 */
class DemoSmokeTestModeTest {
    record Ended(int exit, String stderr) {
    }

    @Test
    void theSmokeTestExitsZeroAfterTheFirstRefreshAndOneSecurityUpgrade() throws Exception {
        Ended e = launch(List.of());

        assertThat(e.exit()).as(e.stderr()).isZero();
        assertThat(e.stderr()).contains("smoke test passed: first refresh done, security upgrade of api/api1 finished")
                .doesNotContain("Exception");
        assertThat(demoFolder(e.stderr())).doesNotExist();
    }

    @Test
    void theSmokeTestFailsWhenTheUpgradeFails() throws Exception {
        Ended e = launch(List.of("-Dupkeep.demo.smokeServer=api/api2"));

        assertThat(e.exit()).as(e.stderr()).isEqualTo(1);
        assertThat(e.stderr()).contains("smoke test failed: the security upgrade of api/api2 ended FAILED", "dpkg was interrupted")
                .doesNotContain("Exception");
        assertThat(demoFolder(e.stderr())).doesNotExist();
    }

    /** The demo names its temporary folder when it starts; a smoke test must leave it deleted. */
    private static Path demoFolder(String stderr) {
        Matcher m = Pattern.compile("simulated servers on 127\\.0\\.0\\.1 in (\\S+) ").matcher(stderr);
        assertThat(m.find()).as("the demo names its folder: " + stderr).isTrue();
        return Path.of(m.group(1));
    }

    @Test
    void theSmokeTestGivesUpAfterItsTimeLimit() throws Exception {
        Ended e = launch(List.of("-Dupkeep.demo.smokeTimeoutSeconds=1"));

        assertThat(e.exit()).isEqualTo(1);
        assertThat(e.stderr()).contains("smoke test failed: not finished within 1 s");
    }

    private static Ended launch(List<String> properties) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dupkeep.demo.pace=instant"));
        cmd.addAll(properties);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "--demo", "--smoke-test"));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(4, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the smoke test did not end: " + new String(err, StandardCharsets.UTF_8));
        }
        return new Ended(p.exitValue(), new String(err, StandardCharsets.UTF_8));
    }
}
