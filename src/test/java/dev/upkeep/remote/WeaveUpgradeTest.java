package dev.upkeep.remote;

import dev.upkeep.ssh.SshConnector;
import dev.upkeep.testfleet.HttpsMirror;
import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import dev.upkeep.testfleet.WeaveScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Weave upgrade on real Debian servers: the scripts come from an HTTPS mirror with its own CA (which the servers
 * trust, as an internal mirror's would be), are checked against their SHA-256, and install in a job detached on the
 * server.
 */
class WeaveUpgradeTest {
    private static final String NEW_SHA = WeaveScripts.sha256(WeaveScripts.NEW);
    private static TestFleet fleet;
    private static HttpsMirror mirror;
    private static SshConnector connector;
    private static String urlTemplate;

    @BeforeAll
    static void start() {
        TestFleet.assumeAvailable(DebianRelease.values());
        // srv01–srv09 Debian 12; srv10, srv11, srv12 Debian 13, Ubuntu 22.04, Ubuntu 24.04 for the per-OS case.
        fleet = TestFleet.start(FleetOptions.servers(12).release(DebianRelease.DEBIAN_13, 9)
                .release(DebianRelease.UBUNTU_22_04, 10).release(DebianRelease.UBUNTU_24_04, 11));
        mirror = HttpsMirror.start();
        fleet.servers().forEach(mirror::trustOn);
        urlTemplate = WeaveScripts.publish(mirror, WeaveScripts.OLD, WeaveScripts.NEW);
        connector = TestContext.connector(fleet);
    }

    @AfterAll
    static void stop() {
        if (connector != null) {
            connector.close();
        }
        if (mirror != null) {
            mirror.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    private static WeaveUpgrade weave(String template) {
        return new WeaveUpgrade(WeaveScripts.NEW, template, NEW_SHA, WeaveUpgrade.DEFAULT_LIMIT);
    }

    private static ProcedureResult upgrade(TestServer server, String template) throws Exception {
        return upgrade(TestContext.root(connector, fleet, server), weave(template));
    }

    private static ProcedureResult upgrade(TestContext context, WeaveUpgrade weave) throws Exception {
        try (TestContext ctx = context) {
            ProcedureResult result = weave.run(ctx);
            assertThat(ctx.steps).isNotEmpty().allMatch(s -> s.startsWith("INSTALLING_WEAVE: "));
            assertThat(ctx.lines).noneMatch(l -> l.contains("@@upkeep"));
            return result;
        }
    }

    private static String launches(TestServer server) {
        return server.run("wc -l < /var/lib/weave-standin/launches").strip();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DebianRelease.class)
    void installsTheManifestsVersionAndRelaunchesTheRouterWithItsPeers(DebianRelease os) throws Exception {
        TestServer server = fleet.server(os == DebianRelease.DEBIAN_12 ? 0 : 8 + os.ordinal());
        assertThat(server.release()).isEqualTo(os);
        WeaveScripts.install(server, WeaveScripts.OLD, "10.0.0.2", "10.0.0.3", "weave-peer.example.com");

        ProcedureResult result = upgrade(server, urlTemplate);

        assertThat(result.success()).as(result.message()).isTrue();
        assertThat(result.message()).isEqualTo("Weave 2.8.0 → 2.8.1 (router relaunched with peers 10.0.0.2, 10.0.0.3,"
                + " weave-peer.example.com)");
        assertThat(result.upgraded()).containsExactly("weave 2.8.1");
        assertThat(server.run("weave version")).isEqualTo("weave script 2.8.1\nweave 2.8.1\n");
        assertThat(server.run("weave status targets")).isEqualTo("10.0.0.2\n10.0.0.3\nweave-peer.example.com\n");
        assertThat(server.run("stat -c '%a %U' /usr/local/bin/weave")).isEqualTo("755 root\n");
        assertThat(server.run("cut -d ' ' -f 2- /var/lib/weave-standin/launches")).isEqualTo(
                "launch 2.8.0 10.0.0.2 10.0.0.3 weave-peer.example.com\nlaunch 2.8.1 10.0.0.2 10.0.0.3 weave-peer.example.com\n");
        assertThat(server.run("ls /tmp")).doesNotContain("upkeep-weave");
        assertThat(server.run("cat /var/log/upkeep/weave-*.log")).as("the job's own log on the server")
                .contains("SHA-256 " + NEW_SHA + " as expected").contains("launch");
        assertThat(server.run("stat -c %a /var/log/upkeep/weave-*.log /var/log/upkeep/weave-*.status"
                + " /var/lib/upkeep/weave-*.sh /var/lib/upkeep/weave-*.lock").lines()).as("the job's files are private")
                .hasSize(4).containsOnly("600");

        ProcedureResult again = upgrade(server, urlTemplate);
        assertThat(again.message()).isEqualTo("Weave already at 2.8.1: nothing changed");
        assertThat(launches(server)).as("no third launch").isEqualTo("2");
    }

    @Test
    void theWrongVersionsScriptAtTheUrlIsRefusedAndNothingChanges() throws Exception {
        TestServer server = fleet.server(1);
        WeaveScripts.install(server, WeaveScripts.OLD, "10.0.0.7");
        String stale = WeaveScripts.publishAs(mirror, "stale-mirror", WeaveScripts.NEW, WeaveScripts.script(WeaveScripts.OLD));
        byte[] html = "<!DOCTYPE html><html>Not Found</html>\n".getBytes(StandardCharsets.UTF_8);
        String page = WeaveScripts.publishAs(mirror, "html-mirror", WeaveScripts.NEW, html);

        // Pinned to what each mirror serves, so that the script's own checks are what refuses it.
        ProcedureResult wrong = upgrade(TestContext.root(connector, fleet, server), new WeaveUpgrade(WeaveScripts.NEW, stale,
                WeaveScripts.sha256(WeaveScripts.OLD), WeaveUpgrade.DEFAULT_LIMIT));
        ProcedureResult notScript = upgrade(TestContext.root(connector, fleet, server), new WeaveUpgrade(WeaveScripts.NEW,
                page, WeaveScripts.sha256(html), WeaveUpgrade.DEFAULT_LIMIT));
        ProcedureResult missing = upgrade(server, stale.replace("stale-mirror", "no-such-mirror"));

        assertThat(wrong.success()).isFalse();
        assertThat(wrong.message()).isEqualTo("the download from " + stale.replace("{version}", "2.8.1")
                + " is not the Weave script 2.8.1 (its SCRIPT_VERSION is 2.8.0)");
        assertThat(notScript.success()).isFalse();
        assertThat(notScript.message()).endsWith(" is not a shell script");
        assertThat(missing.success()).isFalse();
        assertThat(missing.message()).startsWith("download failed: https://127.0.0.1:");
        assertThat(server.run("weave version")).isEqualTo("weave script 2.8.0\nweave 2.8.0\n");
        assertThat(server.run("weave status targets")).isEqualTo("10.0.0.7\n");
        assertThat(launches(server)).isEqualTo("1");
    }

    @Test
    void aScriptWhoseSha256IsNotThePinnedOneFailsTheServerAndNothingChanges() throws Exception {
        TestServer server = fleet.server(2);
        WeaveScripts.install(server, WeaveScripts.OLD, "10.0.0.8");
        byte[] tampered = (new String(WeaveScripts.script(WeaveScripts.NEW), StandardCharsets.UTF_8)
                + "\n# one line more\n").getBytes(StandardCharsets.UTF_8);
        String evil = WeaveScripts.publishAs(mirror, "tampered", WeaveScripts.NEW, tampered);

        ProcedureResult result = upgrade(server, evil);

        assertThat(result.success()).isFalse();
        assertThat(result.message()).isEqualTo("the download from " + evil.replace("{version}", "2.8.1") + " has SHA-256 "
                + WeaveScripts.sha256(tampered) + ", not the " + NEW_SHA + " expected for Weave 2.8.1; nothing changed");
        assertThat(server.run("weave version")).isEqualTo("weave script 2.8.0\nweave 2.8.0\n");
        assertThat(launches(server)).isEqualTo("1");
        assertThat(server.run("ls /tmp")).doesNotContain("upkeep-weave");
    }

    @Test
    void anHttpsUrlThatRedirectsToPlainHttpIsRefusedAndNothingChanges() throws Exception {
        TestServer server = fleet.server(3);
        WeaveScripts.install(server, WeaveScripts.OLD, "10.0.0.9");
        // The plain-http copy really exists (the fleet's own HTTP server): only the redirect's scheme is wrong.
        String plain = WeaveScripts.publish(fleet, WeaveScripts.NEW).replace("{version}", WeaveScripts.NEW);
        String redirecting = mirror.redirect("redirecting/weave/v2.8.1/weave", plain)
                .replace("/v2.8.1/", "/v{version}/");

        TestContext ctx = TestContext.root(connector, fleet, server);
        ProcedureResult result = upgrade(ctx, weave(redirecting));

        assertThat(result.success()).isFalse();
        assertThat(result.message()).startsWith("download failed: https://127.0.0.1:");
        assertThat(ctx.output()).as("curl refused the redirect's scheme").contains("curl: (1) Protocol \"http\" not supported");
        assertThat(server.run("weave version")).isEqualTo("weave script 2.8.0\nweave 2.8.0\n");
        assertThat(launches(server)).isEqualTo("1");
    }

    @Test
    void withoutCurlOrWgetTheServerFailsSayingSo() throws Exception {
        TestServer server = fleet.server(4);
        server.run("mv /usr/bin/curl /usr/bin/curl.hidden");
        try {
            ProcedureResult result = upgrade(server, urlTemplate);
            assertThat(result.success()).isFalse();
            assertThat(result.message()).isEqualTo("neither curl nor wget is installed on the server: install one of them"
                    + " to download Weave");
            assertThat(server.call("test -e /usr/local/bin/weave").exitCode()).isNotZero();
        } finally {
            server.run("mv /usr/bin/curl.hidden /usr/bin/curl");
        }
    }

    @Test
    void aStoppedWeaveGetsTheNewScriptButIsNotStartedWithSudoToo() throws Exception {
        TestServer server = fleet.server(5);
        WeaveScripts.install(server, WeaveScripts.OLD);

        ProcedureResult result = upgrade(TestContext.deployWithSudo(connector, fleet, server), weave(urlTemplate));

        assertThat(result.success()).as(result.message()).isTrue();
        assertThat(result.message()).isEqualTo("Weave 2.8.0 → 2.8.1 (Weave was not running: not started)");
        assertThat(server.run("weave version")).isEqualTo("weave script 2.8.1\n");
    }

    @Test
    void aDroppedConnectionWhileWeaveIsReplacedNeverStopsTheJobAndUpkeepReportsItAfterReconnecting() throws Exception {
        TestServer server = fleet.server(6);
        WeaveScripts.install(server, WeaveScripts.OLD, "10.0.1.1");
        server.writeFile("/etc/weave-standin-slow-stop", "4\n".getBytes(StandardCharsets.UTF_8));
        try {
            TestContext ctx = TestContext.root(connector, fleet, server)
                    .when(l -> l.contains("installing Weave 2.8.1 now"), () -> server.run("pkill -f 'sshd: roo[t]@notty'"));
            ProcedureResult result = upgrade(ctx, weave(urlTemplate));

            assertThat(result.success()).as(result.message() + "\n" + ctx.output()).isTrue();
            assertThat(result.message()).isEqualTo("Weave 2.8.0 → 2.8.1 (router relaunched with peers 10.0.1.1)");
            assertThat(ctx.lines).anyMatch(l -> l.startsWith("out: upkeep: connection lost")).contains("out: upkeep: reconnected");
            assertThat(ctx.lines.stream().filter(l -> l.contains("installing Weave 2.8.1 now"))).as("each line once").hasSize(1);
            assertThat(server.run("weave version")).isEqualTo("weave script 2.8.1\nweave 2.8.1\n");
        } finally {
            server.run("rm -f /etc/weave-standin-slow-stop");
        }
    }

    @Test
    void aCancelDuringASlowDownloadStopsBeforeWeaveIsTouched() throws Exception {
        TestServer server = fleet.server(7);
        WeaveScripts.install(server, WeaveScripts.OLD, "10.0.1.2");
        String slow = WeaveScripts.publishAs(mirror, "slow-mirror", WeaveScripts.NEW, WeaveScripts.script(WeaveScripts.NEW));
        HttpsMirror.Hold download = mirror.hold("slow-mirror/weave/v2.8.1/weave");
        TestContext ctx = TestContext.root(connector, fleet, server);
        // Cancel once the job is in its download (past its first safe point), and let the download finish only once
        // the job has been asked to stop: its next safe point, before Weave is stopped, is then certain to see it.
        ctx.when(l -> l.contains("started detached"), () -> {
            try {
                if (!download.awaitRequest()) {
                    throw new IllegalStateException("the job never started its download");
                }
                ctx.stopRequest().cancel();
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> server.call("ls /var/lib/upkeep/weave-*.cancel").exitCode() == 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                download.release();
            }
        });

        ProcedureResult result = upgrade(ctx, weave(slow));

        assertThat(result.success()).isFalse();
        assertThat(result.cancelled()).as(result.message()).isTrue();
        assertThat(result.message()).isEqualTo("cancelled before stopping Weave to install 2.8.1: nothing changed");
        assertThat(ctx.lines).anyMatch(l -> l.contains("asked the weave job")).anyMatch(l -> l.contains("cancelled before stopping Weave"));
        assertThat(server.run("weave version")).isEqualTo("weave script 2.8.0\nweave 2.8.0\n");
        assertThat(launches(server)).isEqualTo("1");
    }

    @Test
    void theTimeLimitEndsAStuckDownloadAndNothingChanges() throws Exception {
        TestServer server = fleet.server(8);
        WeaveScripts.install(server, WeaveScripts.OLD, "10.0.1.3");
        String stuck = WeaveScripts.publishAs(mirror, "stuck-mirror", WeaveScripts.NEW, WeaveScripts.script(WeaveScripts.NEW));
        mirror.slow("stuck-mirror/weave/v2.8.1/weave", Duration.ofSeconds(60));
        long started = System.nanoTime();

        ProcedureResult result = upgrade(TestContext.root(connector, fleet, server),
                new WeaveUpgrade(WeaveScripts.NEW, stuck, NEW_SHA, Duration.ofSeconds(3)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(result.success()).isFalse();
        assertThat(result.message()).isEqualTo("the time limit was reached before installing Weave 2.8.1: nothing changed");
        assertThat(server.run("weave version")).isEqualTo("weave script 2.8.0\nweave 2.8.0\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> server.run("ls /tmp").lines().noneMatch(l -> l.startsWith("upkeep-weave")));
    }
}
