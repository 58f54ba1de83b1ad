package dev.upkeep;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code upkeep --demo <command>}: the demo fleet starts in-process and the real command runs against it. */
class DemoLaunchTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void fast() {
        System.setProperty("upkeep.demo.pace", "instant");
    }

    @AfterAll
    static void human() {
        System.clearProperty("upkeep.demo.pace");
    }

    private int run(String... args) {
        return DemoLaunch.run(List.of(args), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void demoStatusShowsEveryKindOfServerAndSaysItIsTheDemo() {
        int exit = run("status");

        assertThat(err.toString()).startsWith("upkeep: demo fleet (simulated servers on 127.0.0.1)");
        assertThat(exit).as("two demo servers do not answer: exit 1, as for real servers").isEqualTo(1);
        assertThat(out.toString()).contains("shop-web1", "REBOOT REQUIRED", "linux-image-5.15.0-105-generic",
                "STALE 9d", "20.10.24", "Debian GNU/Linux 12 (bookworm)");
        assertThat(err.toString()).contains("api/api4", "connection refused", "shop/shop-worker3", "host key is not known");
    }

    @Test
    void demoSecurityUpgradeOfOneServerStreamsItsLogAndSucceeds() {
        int exit = run("upgrade", "--security", "--yes", "--server", "api1");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("api1 | Unpacking libssl3:amd64 (3.0.2-0ubuntu1.15) over (3.0.2-0ubuntu1.12) ...",
                "api1 | All upgrades installed");
    }

    @Test
    void demoSecurityUpgradeOfTheApiReportsTheDpkgErrorAndTheUnreachableServer() {
        int exit = run("upgrade", "--security", "--yes", "--app", "api");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("api2 | dpkg: error processing package libssl3:amd64 (--configure):",
                "api3 | No packages found that can be upgraded unattended");
        assertThat(out.toString() + err).contains("api4", "refused");
    }

    @Test
    void demoDockerAndWeaveUpgradesRunAsDetachedJobsCheckedAgainstTheDemoWorkspacesChecksums() {
        int exit = run("upgrade", "--docker", "--weave", "--yes", "--server", "shop-web2");

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("shop-web2 | upkeep: docker job", "started detached",
                "shop-web2 | Unpacking docker-ce (5:24.0.7-1~ubuntu.22.04~jammy) over (5:20.10.24~3-0~ubuntu-jammy) ...",
                "shop-web2 | upkeep: the download is the Weave script 2.8.1, SHA-256 ",
                "Docker 20.10.24 → 24.0.7", "Weave 2.6.5 → 2.8.1");
    }

    @Test
    void theDemoBringsItsOwnWorkspace() {
        assertThat(run("--workspace", "/tmp/other.yml", "status")).isEqualTo(2);
        assertThat(err.toString()).contains("leave out --workspace");
    }

    @Test
    void theSmokeTestIsForTheWindowOnly() {
        assertThat(run("--smoke-test", "status")).isEqualTo(2);
        assertThat(err.toString()).contains("--smoke-test runs in the window");
    }
}
