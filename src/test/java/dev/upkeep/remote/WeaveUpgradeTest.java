package dev.upkeep.remote;

import dev.upkeep.ssh.SshConnector;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import dev.upkeep.testfleet.WeaveScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The Weave upgrade on real Debian servers, the scripts served on loopback like a release mirror. */
class WeaveUpgradeTest {
    private static TestFleet fleet;
    private static SshConnector connector;
    private static String urlTemplate;

    @BeforeAll
    static void start() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(4);
        urlTemplate = WeaveScripts.publish(fleet, WeaveScripts.OLD, WeaveScripts.NEW);
        connector = TestContext.connector(fleet);
    }

    @AfterAll
    static void stop() {
        if (connector != null) connector.close();
        if (fleet != null) fleet.close();
    }

    private static ProcedureResult upgrade(TestServer server, String template) throws Exception {
        return upgrade(TestContext.root(connector, fleet, server), template);
    }

    private static ProcedureResult upgrade(TestContext context, String template) throws Exception {
        try (TestContext ctx = context) {
            ProcedureResult result = new WeaveUpgrade(WeaveScripts.NEW, template).run(ctx);
            assertThat(ctx.steps).isNotEmpty().allMatch(s -> s.startsWith("INSTALLING_WEAVE: "));
            assertThat(ctx.lines).noneMatch(l -> l.contains("@@upkeep"));
            return result;
        }
    }

    @Test
    void installsTheManifestsVersionAndRelaunchesTheRouterWithItsPeers() throws Exception {
        TestServer server = fleet.server(0);
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

        ProcedureResult again = upgrade(server, urlTemplate);
        assertThat(again.message()).isEqualTo("Weave already at 2.8.1: nothing changed");
        assertThat(server.run("wc -l < /var/lib/weave-standin/launches").strip()).as("no third launch").isEqualTo("2");
    }

    @Test
    void theWrongVersionsScriptAtTheUrlIsRefusedAndNothingChanges() throws Exception {
        TestServer server = fleet.server(1);
        WeaveScripts.install(server, WeaveScripts.OLD, "10.0.0.7");
        String mirror = WeaveScripts.publishAs(fleet, "stale-mirror", WeaveScripts.NEW, WeaveScripts.script(WeaveScripts.OLD));
        String page = WeaveScripts.publishAs(fleet, "html-mirror", WeaveScripts.NEW,
                "<!DOCTYPE html><html>Not Found</html>\n".getBytes(StandardCharsets.UTF_8));

        ProcedureResult wrong = upgrade(server, mirror);
        ProcedureResult html = upgrade(server, page);
        ProcedureResult missing = upgrade(server, mirror.replace("stale-mirror", "no-such-mirror"));

        assertThat(wrong.success()).isFalse();
        assertThat(wrong.message()).isEqualTo("the download from " + mirror.replace("{version}", "2.8.1")
                + " is not the Weave script 2.8.1 (its SCRIPT_VERSION is 2.8.0)");
        assertThat(html.success()).isFalse();
        assertThat(html.message()).endsWith(" is not a shell script");
        assertThat(missing.success()).isFalse();
        assertThat(missing.message()).startsWith("download failed: http://127.0.0.1:");
        assertThat(server.run("weave version")).isEqualTo("weave script 2.8.0\nweave 2.8.0\n");
        assertThat(server.run("weave status targets")).isEqualTo("10.0.0.7\n");
        assertThat(server.run("wc -l < /var/lib/weave-standin/launches").strip()).isEqualTo("1");
    }

    @Test
    void aStoppedWeaveGetsTheNewScriptButIsNotStartedWithSudoToo() throws Exception {
        TestServer server = fleet.server(2);
        WeaveScripts.install(server, WeaveScripts.OLD);

        ProcedureResult result = upgrade(TestContext.deployWithSudo(connector, fleet, server), urlTemplate);

        assertThat(result.success()).as(result.message()).isTrue();
        assertThat(result.message()).isEqualTo("Weave 2.8.0 → 2.8.1 (Weave was not running: not started)");
        assertThat(server.run("weave version")).isEqualTo("weave script 2.8.1\n");
    }

    @Test
    void withoutCurlOrWgetTheServerFailsSayingSo() throws Exception {
        TestServer server = fleet.server(3);
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
}
