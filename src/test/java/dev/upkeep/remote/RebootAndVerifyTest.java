package dev.upkeep.remote;

import com.sun.net.httpserver.HttpServer;
import dev.upkeep.fleet.RebootPolicy;
import dev.upkeep.ssh.ConnectionPool;
import dev.upkeep.ssh.SshConnector;
import dev.upkeep.ssh.SshOptions;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Reboot and verify against real test-fleet servers that really go down and come back (2 s reboot delay). The basic
 * reboot-if-required case runs on each OS (srv01/srv02 Debian 12, then two servers each of Debian 13, Ubuntu 22.04
 * and 24.04 in the same fleet, srv11–srv16); the failure cases on Debian 12.
 */
class RebootAndVerifyTest {
    private static final Logger LOG = LoggerFactory.getLogger(RebootAndVerifyTest.class);
    private static final RebootPolicy QUICK = RebootPolicy.DEFAULTS.withTimeoutSeconds(30);
    private static TestFleet fleet;
    private static ConnectionPool pool;

    @BeforeAll
    static void startFleet(@TempDir Path dir) {
        TestFleet.assumeAvailable(DebianRelease.values());
        fleet = TestFleet.start(FleetOptions.servers(16).rebootDelay(Duration.ofSeconds(2))
                .release(DebianRelease.DEBIAN_13, 10, 11).release(DebianRelease.UBUNTU_22_04, 12, 13)
                .release(DebianRelease.UBUNTU_24_04, 14, 15));
        SshOptions options = SshOptions.defaults().withSshConfig(dir.resolve("no-ssh-config"))
                .withKnownHosts(fleet.knownHosts()).withConnectTimeout(Duration.ofSeconds(3)).withAgentSocket(null);
        pool = new ConnectionPool(new SshConnector(options, PassphraseProvider.NONE));
    }

    @AfterAll
    static void stopFleet() {
        if (pool != null) {
            pool.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    private static FleetContext context(TestServer server) throws Exception {
        return new FleetContext(pool, server, fleet.clientKey(), "root", false);
    }

    /** The pair of servers of this OS: srv01/srv02 for Debian 12, then srv11/srv12, srv13/srv14, srv15/srv16. */
    private static TestServer[] pair(DebianRelease os) {
        int first = os == DebianRelease.DEBIAN_12 ? 0 : 10 + 2 * (os.ordinal() - 1);
        TestServer[] pair = {fleet.server(first), fleet.server(first + 1)};
        assertThat(pair[0].release()).isEqualTo(os);
        assertThat(pair[1].release()).isEqualTo(os);
        return pair;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DebianRelease.class)
    void rebootIfRequiredRebootsExactlyTheServerThatNeedsIt(DebianRelease os) throws Exception {
        TestServer needs = pair(os)[0];
        TestServer fine = pair(os)[1];
        needs.requireReboot("linux-image-demo", "libc6");
        String needsBoot = needs.bootId();
        String fineBoot = fine.bootId();

        FleetContext a = context(needs);
        Instant start = Instant.now();
        ProcedureResult rebooted = new RebootAndVerify(true, QUICK).run(a);
        LOG.info("reboot-and-verify with a 2 s reboot delay took {} ms; its log:\n{}", Duration.between(start, Instant.now()).toMillis(), a.log());
        FleetContext b = context(fine);
        ProcedureResult skipped = new RebootAndVerify(true, QUICK).run(b);

        assertThat(rebooted.success()).as(rebooted.message() + "\n" + a.log()).isTrue();
        assertThat(rebooted.message()).startsWith("rebooted: back after").contains("boot id changed");
        assertThat(rebooted.rebootRequired()).isFalse();
        assertThat(needs.boots()).isEqualTo(2);
        assertThat(needs.bootId()).isNotEqualTo(needsBoot);
        assertThat(a.lineTexts()).contains("reboot required by: linux-image-demo, libc6", "rebooting…");
        assertThat(a.said("back after ")).isTrue();
        assertThat(a.stepNames()).containsSubsequence("REBOOTING", "WAITING_FOR_BOOT");

        assertThat(skipped.success()).isTrue();
        assertThat(skipped.message()).contains("no reboot needed").contains("/var/run/reboot-required");
        assertThat(b.lineTexts()).contains("not rebooting: no reboot required (no /var/run/reboot-required)");
        assertThat(b.stepNames()).doesNotContain("REBOOTING");
        assertThat(fine.boots()).isEqualTo(1);
        assertThat(fine.bootId()).isEqualTo(fineBoot);
    }

    @Test
    void serverThatNeverComesBackFailsAfterTheTimeout() throws Exception {
        TestServer gone = fleet.server(2).rebootDelay(Duration.ofMinutes(5));
        FleetContext ctx = context(gone);
        Instant start = Instant.now();
        ProcedureResult r = new RebootAndVerify(false, RebootPolicy.DEFAULTS.withTimeoutSeconds(5)).run(ctx);
        Duration took = Duration.between(start, Instant.now());

        assertThat(r.success()).isFalse();
        assertThat(r.message()).isEqualTo("did not come back within 5 s");
        assertThat(took).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(15));
        assertThat(ctx.lineTexts()).contains("waiting for boot (connection refused, retrying)");
        assertThat(gone.isRunning()).isFalse();
    }

    @Test
    void serverThatComesBackWithTheSameBootIdFails() throws Exception {
        TestServer fake = fleet.server(3).keepBootIdAcrossBoots(true);
        String bootId = fake.bootId();
        FleetContext ctx = context(fake);
        ProcedureResult r = new RebootAndVerify(false, QUICK).run(ctx);

        assertThat(fake.boots()).as("it did go down and up").isEqualTo(2);
        assertThat(r.success()).isFalse();
        assertThat(r.message()).startsWith("boot id unchanged: the server did not reboot").contains(bootId);
    }

    @Test
    void failingHealthCheckCommandFailsWithItsOutput() throws Exception {
        TestServer srv = fleet.server(4);
        RebootPolicy policy = QUICK.withHealthCheck(
                RebootPolicy.HealthCheck.command("echo 'nginx is not running' >&2; exit 3").withTimeoutSeconds(3));
        FleetContext ctx = context(srv);
        int bootsBefore = srv.boots();
        ProcedureResult r = new RebootAndVerify(false, policy).run(ctx);

        assertThat(srv.boots()).isEqualTo(bootsBefore + 1);
        assertThat(r.success()).isFalse();
        assertThat(r.message()).startsWith("rebooted, but the health check failed: exit 3: nginx is not running");
        assertThat(ctx.stepNames()).endsWith("HEALTH_CHECK");
        assertThat(ctx.lineTexts()).contains("nginx is not running");
    }

    @Test
    void httpHealthCheckFromTheDesktopPassesOn200AndFailsOn503() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/ok", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        http.createContext("/down", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        http.start();
        try {
            String base = "http://{host}:" + http.getAddress().getPort();
            TestServer srv = fleet.server(5);
            RebootPolicy ok = QUICK.withHealthCheck(RebootPolicy.HealthCheck.url(base + "/ok"));
            FleetContext passing = context(srv);
            ProcedureResult passed = new RebootAndVerify(false, ok, srv.host()).run(passing);
            assertThat(passed.success()).as(passed.message()).isTrue();
            assertThat(passed.message()).endsWith("health check passed");
            assertThat(passing.said("health check passed (GET http://127.0.0.1:" + http.getAddress().getPort()
                    + "/ok answered 200)")).isTrue();

            RebootPolicy down = QUICK.withHealthCheck(RebootPolicy.HealthCheck.url(base + "/down").withTimeoutSeconds(3));
            ProcedureResult failed = new RebootAndVerify(false, down, srv.host()).run(context(srv));
            assertThat(failed.success()).isFalse();
            assertThat(failed.message()).contains("health check failed: GET http://127.0.0.1:")
                    .contains("/down answered 503 (expected 200)");
            assertThat(srv.boots()).isEqualTo(3);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void hostKeyThatChangesAcrossTheRebootIsRefusedAndReported() throws Exception {
        TestServer srv = fleet.server(6);
        FleetContext ctx = context(srv);
        srv.regenerateHostKeys(); // sshd offers them from its next start: after the reboot
        ProcedureResult r = new RebootAndVerify(false, QUICK).run(ctx);

        assertThat(r.success()).isFalse();
        assertThat(r.message()).startsWith("host key changed across the reboot: ").contains("HOST KEY CHANGED")
                .contains(srv.hostKeyFingerprint(keyType(r.message())));
        assertThat(srv.boots()).isEqualTo(2);
    }

    @Test
    void drainAndUndrainRunInOrderAroundTheRebootAsTheSudoUser() throws Exception {
        TestServer srv = fleet.server(7);
        String bootBefore = srv.bootId();
        RebootPolicy policy = QUICK.withPostRebootDelaySeconds(1).withDrain("echo \"drain $(cat /proc/sys/kernel/random/boot_id)\" >> \"$HOME/lb.log\"",
                        "echo \"undrain $(cat /proc/sys/kernel/random/boot_id)\" >> \"$HOME/lb.log\"")
                .withHealthCheck(RebootPolicy.HealthCheck.command("echo \"health $(id -un)\" >> \"$HOME/lb.log\""));
        FleetContext ctx = new FleetContext(pool, srv, fleet.clientKey(), "deploy", true);
        ProcedureResult r = new RebootAndVerify(false, policy).run(ctx);

        assertThat(r.success()).as(r.message() + "\n" + ctx.log()).isTrue();
        assertThat(srv.run("cat /home/deploy/lb.log").lines().toList())
                .containsExactly("drain " + bootBefore, "health deploy", "undrain " + srv.bootId());
        assertThat(ctx.stepNames()).containsSubsequence("DRAINING", "REBOOTING", "WAITING_FOR_BOOT", "HEALTH_CHECK", "UNDRAINING");
        Instant back = at(ctx, "back after ");
        Instant health = at(ctx, "[health check]");
        assertThat(ctx.said("waiting 1 s before the health check")).isTrue();
        assertThat(Duration.between(back, health)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void cancelWhileTheServerIsDownReportsItMidReboot() throws Exception {
        TestServer srv = fleet.server(8).rebootDelay(Duration.ofMinutes(5));
        FleetContext ctx = context(srv);
        CompletableFuture<ProcedureResult> running = inBackground(QUICK, ctx);
        await().atMost(Duration.ofSeconds(20)).until(() -> ctx.stepNames().contains("WAITING_FOR_BOOT"));
        ctx.cancellation().cancel();

        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(RebootCancelledException.class)
                .cause().hasMessageContaining("mid-reboot: the reboot was issued");
        assertThat(ctx.said("cancelled mid-reboot")).isTrue();
        assertThat(srv.isRunning()).isFalse();
    }

    @Test
    void rebootCommandsThatFailAreReportedWithoutWaitingForTheTimeout() throws Exception {
        TestServer srv = fleet.server(1);
        // Earlier in root's PATH than the real ones: a server where neither way of rebooting works.
        srv.run("printf '#!/bin/sh\\necho \"Failed to talk to init daemon\" >&2\\nexit 1\\n' > /usr/local/sbin/systemctl"
                + " && cp /usr/local/sbin/systemctl /usr/local/sbin/shutdown && chmod 755 /usr/local/sbin/systemctl /usr/local/sbin/shutdown");
        try {
            Instant start = Instant.now();
            ProcedureResult r = new RebootAndVerify(false, QUICK).run(context(srv));
            assertThat(r.success()).isFalse();
            assertThat(r.message()).startsWith("the reboot command failed: Failed to talk to init daemon")
                    .contains("neither systemctl reboot nor shutdown -r now worked");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(QUICK.timeoutSeconds()));
            assertThat(srv.boots()).isEqualTo(1);
        } finally {
            srv.run("rm -f /usr/local/sbin/systemctl /usr/local/sbin/shutdown");
        }
    }

    @Test
    void loginUserWithoutSudoCannotIssueTheRebootAndIsToldWhy() throws Exception {
        TestServer srv = fleet.server(1);
        ProcedureResult r = new RebootAndVerify(false, QUICK).run(new FleetContext(pool, srv, fleet.clientKey(), "deploy", false));
        assertThat(r.success()).isFalse();
        assertThat(r.message()).startsWith("could not issue the reboot (exit 1)").contains("Permission denied")
                .endsWith("does this server need sudo: true?");
        assertThat(srv.boots()).isEqualTo(1);
    }

    @Test
    void cancelWhileDrainingUndrainsAndNeverReboots() throws Exception {
        TestServer srv = fleet.server(1);
        // The drain's own output, not the log line that names the command (which would match before it ran).
        RebootPolicy policy = QUICK.withDrain("echo drained >> /root/lb-cancel.log; printf 'draining-%s\\n' now; sleep 30",
                "echo undrained >> /root/lb-cancel.log");
        FleetContext ctx = context(srv);
        CompletableFuture<ProcedureResult> running = inBackground(policy, ctx);
        await().atMost(Duration.ofSeconds(20)).until(() -> ctx.said("draining-now"));
        ctx.cancellation().cancel();

        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).cause()
                .isExactlyInstanceOf(dev.upkeep.ssh.CommandCancelledException.class)
                .hasMessageContaining("while draining, before rebooting (undrained again)");
        assertThat(srv.run("cat /root/lb-cancel.log").lines().toList()).containsExactly("drained", "undrained");
        assertThat(ctx.stepNames()).doesNotContain("REBOOTING");
        assertThat(srv.boots()).isEqualTo(1);
    }

    @Test
    void aCancelOfADrainThatWritesNothingStopsItBeforeTheUndrain() throws Exception {
        TestServer srv = fleet.server(1);
        // Writes nothing before it drains: closing its channel alone would not stop it.
        RebootPolicy policy = QUICK.withDrain("touch /root/drain-started; sleep 2; echo drained >> /root/lb-early.log;"
                + " sleep 29.5", "echo undrained >> /root/lb-early.log");
        FleetContext ctx = context(srv);
        CompletableFuture<ProcedureResult> running = inBackground(policy, ctx);
        await().atMost(Duration.ofSeconds(20)).until(() -> srv.run("test -e /root/drain-started && echo yes || true")
                .strip().equals("yes"));
        ctx.cancellation().cancel();

        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).cause()
                .isExactlyInstanceOf(dev.upkeep.ssh.CommandCancelledException.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> srv.run("pgrep -f -x 'sleep 29.5' || echo gone").strip().equals("gone"));
        List<String> lines = srv.run("cat /root/lb-early.log").lines().toList();
        assertThat(lines).as("the undrain comes last").endsWith("undrained").doesNotHaveDuplicates();
        assertThat(srv.boots()).isEqualTo(1);
    }

    @Test
    void connectionDroppedBeforeTheRebootHappensIsNotTakenForTheReboot() throws Exception {
        TestServer srv = fleet.server(9);
        String bootBefore = srv.bootId();
        // systemctl that first drops every SSH session (a network blip), then reboots for real 3 s later.
        srv.run("printf '#!/bin/sh\\npkill -f \"sshd: root@\"\\nsleep 3\\nexec /usr/bin/systemctl \"$@\"\\n'"
                + " > /usr/local/sbin/systemctl && chmod 755 /usr/local/sbin/systemctl");
        try {
            FleetContext ctx = context(srv);
            ProcedureResult r = new RebootAndVerify(false, QUICK).run(ctx);

            assertThat(r.success()).as(r.message() + "\n" + ctx.log()).isTrue();
            assertThat(ctx.said("connected again, but the reboot has not happened yet")).isTrue();
            assertThat(srv.boots()).isEqualTo(2);
            assertThat(srv.bootId()).isNotEqualTo(bootBefore);
        } finally {
            srv.run("rm -f /usr/local/sbin/systemctl");
        }
    }

    private static Instant at(FleetContext ctx, String prefix) {
        return ctx.lines.stream().filter(e -> e.text().startsWith(prefix)).findFirst().orElseThrow().at();
    }

    private static String keyType(String message) {
        if (message.contains("ed25519")) {
            return "ed25519";
        }
        if (message.contains("ecdsa")) {
            return "ecdsa";
        }
        return "rsa";
    }

    /** Runs the reboot procedure off the test thread, so that the test can cancel it midway. */
    private static CompletableFuture<ProcedureResult> inBackground(RebootPolicy policy, FleetContext ctx) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new RebootAndVerify(false, policy).run(ctx);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }
}
