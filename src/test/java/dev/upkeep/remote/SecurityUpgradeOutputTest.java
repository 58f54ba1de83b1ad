package dev.upkeep.remote;

import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.OutputListener.Stream;
import dev.upkeep.ssh.SshConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The security upgrade's parser and script builder, without a server. */
class SecurityUpgradeOutputTest {
    private final List<String> steps = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final ProcedureContext ctx = new ProcedureContext() {
        @Override
        public SshConnection connection() {
            return null;
        }

        @Override
        public String server() {
            return "web-1";
        }

        @Override
        public boolean sudo() {
            return false;
        }

        @Override
        public SudoPassword sudoPassword() {
            return null;
        }

        @Override
        public void step(Step step, String detail) {
            steps.add(step + (detail == null ? "" : " " + detail));
        }

        @Override
        public void line(Stream stream, String line) {
            lines.add(line);
        }

        @Override
        public Cancellation cancellation() {
            return Cancellation.none();
        }
    };

    @Test
    void countdownLinesBecomeWaitingForLockStepsWithSecondsLeft() {
        SecurityUpgradeOutput out = new SecurityUpgradeOutput(ctx, true, 0);
        out.onLine(Stream.STDOUT, "@@upkeep step WAITING_FOR_LOCK");
        out.onLine(Stream.STDOUT, "upkeep: waiting for the apt/dpkg lock (/var/lib/dpkg/lock-frontend held by 42(flock)): 299 s left");
        out.onLine(Stream.STDOUT, "@@upkeep step UPGRADING unattended-upgrade, security origins only");
        assertThat(steps).containsExactly("WAITING_FOR_LOCK",
                "WAITING_FOR_LOCK 299 s left (/var/lib/dpkg/lock-frontend held by 42(flock))",
                "UPGRADING unattended-upgrade, security origins only");
        assertThat(lines).containsExactly("upkeep: waiting for the apt/dpkg lock (/var/lib/dpkg/lock-frontend held by 42(flock)): 299 s left");
    }

    @Test
    void countsLogLinesSoThatAResumedFollowStartsAfterTheLastOneSeen() {
        SecurityUpgradeOutput out = new SecurityUpgradeOutput(ctx, true, 10);
        out.onLine(Stream.STDOUT, "line 11");
        out.onLine(Stream.STDOUT, "@@upkeep step UPDATING_LISTS");
        out.onLine(Stream.STDERR, "not from the log");
        assertThat(out.linesSeen()).isEqualTo(12);
        out.onLine(Stream.STDOUT, "@@upkeep-follow at 12");
        out.onLine(Stream.STDOUT, "line 13");
        assertThat(out.linesSeen()).isEqualTo(13);
    }

    @Test
    void reportBecomesTheResult() {
        SecurityUpgradeOutput out = new SecurityUpgradeOutput(ctx, true, 0);
        for (String l : List.of("@@upkeep-report exit 0", "@@upkeep-report upgraded openssl 3.0.15-1~deb12u1",
                "@@upkeep-report reboot-required", "@@upkeep-report reboot-pkg linux-image-amd64",
                "@@upkeep-report reboot-pkg linux-image-amd64", "@@upkeep-report log /var/log/upkeep/security-x.log")) {
            out.onLine(Stream.STDOUT, l);
        }
        assertThat(out.exitStatus()).isZero();
        assertThat(out.upgraded()).containsExactly("openssl 3.0.15-1~deb12u1");
        assertThat(out.rebootRequired()).isTrue();
        assertThat(out.rebootPackages()).containsExactly("linux-image-amd64");
        assertThat(out.audit()).isEmpty();
        assertThat(lines).isEmpty();
    }

    @Test
    void interruptedDpkgNamesThePackagesAndTheRepair() {
        ProcedureResult r = SecurityUpgrade.interrupted(List.of(
                "The following packages are only half configured, probably due to problems",
                "configuring them the first time.  The configuration should be retried using",
                "dpkg --configure <package> or the configure menu option in dselect:",
                " openssl              Secure Sockets Layer toolkit"));
        assertThat(r.success()).isFalse();
        assertThat(r.message()).contains("dpkg was interrupted").contains("openssl").contains("dpkg --configure -a")
                .contains("--repair-dpkg");
    }

    @Test
    void runIdsThatCouldReachAShellAreRefused() {
        assertThatThrownBy(() -> new SecurityUpgrade("x; rm -rf /", Duration.ofMinutes(1), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecurityUpgrade("../../etc", Duration.ofMinutes(1), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SecurityUpgrade("20261126T100000Z-abc123", Duration.ofMinutes(1), false).name()).isEqualTo("security upgrades");
    }

    @Test
    void scriptsAreValidPosixShell() throws Exception {
        for (String script : List.of(SecurityUpgradeScripts.start("20261126T100000Z-abc123", Duration.ofSeconds(30), true),
                SecurityUpgradeScripts.follow("20261126T100000Z-abc123", 17), SecurityUpgradeScripts.simulate(Duration.ofSeconds(5)))) {
            Process p = new ProcessBuilder("sh", "-n").redirectErrorStream(true).start();
            p.getOutputStream().write(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String errors = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(errors).isZero();
        }
        String start = SecurityUpgradeScripts.start("20261126T100000Z-abc123", Duration.ofSeconds(30), true);
        assertThat(start).startsWith("RUN_ID=20261126T100000Z-abc123\nLOCK_WAIT=30\nREPAIR=1\n");
        // The job is written by the start script and detached; it writes its own exit status last.
        // (launch_job, shared with the Docker and Weave jobs, runs one or the other; $1 is the unit's name.)
        assertThat(start).contains("nohup setsid /bin/sh \"$JOB\"").contains("systemd-run --quiet --collect --unit \"$1\"")
                .contains("launch_job \"upkeep-upgrade-$RUN_ID\"");
    }
}
