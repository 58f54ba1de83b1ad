package dev.upkeep.run;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.remote.PatchFacts;
import dev.upkeep.remote.ProbeCache;
import dev.upkeep.ssh.PassphraseProvider;
import dev.upkeep.testfleet.CommandResult;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.LibraryDemo;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A status refresh is one command per server: the probe, then the patch facts (restart check, last security upgrade)
 * with apt's history answered from a cache of the facts' user (root under sudo). Every change the facts depend on is
 * seen by the next refresh, and a facts part that hangs or floods leaves the probe's status standing.
 */
class PatchFactsRoundTripOnRealServersTest {
    private static final String ROOT_FACTS_CACHE = "/root/.cache/upkeep/facts.cache";
    private static TestFleet fleet;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(FleetOptions.servers(2));
        TestServer first = fleet.server(0);
        fleet.repo().publish("bookworm", LibraryDemo.library(first, "1.0"), LibraryDemo.service(first, "1.0"));
        fleet.repo().publish("bookworm-security", LibraryDemo.library(first, "1.1"));
        fleet.servers().parallelStream().forEach(s -> {
            s.run("apt-get -q update && apt-get install -y -q " + LibraryDemo.SERVICE + " " + LibraryDemo.LIBRARY + "=1.0");
            LibraryDemo.start(s);
        });
        // sshd says at DEBUG1 which channel requests it served: the test counts the "exec" ones
        first.sshdOptions("LogLevel DEBUG1");
        LibraryDemo.start(first);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static Workspace as(Path dir, TestServer server, String user, boolean sudo) {
        return FleetWorkspaces.workspace(fleet, dir, fleet.knownHosts(), List.of(new Application("shop", "production",
                null, null, List.of(FleetWorkspaces.server(fleet, server, user, sudo)))));
    }

    private static ServerStatus refresh(SshStatusService service, Workspace ws) throws Exception {
        ServerStatus s = service.refresh(ws, ServerRef.all(ws), false, (ref, st) -> { }).completion()
                .get(2, TimeUnit.MINUTES).get(0);
        assertThat(s.reachable()).as(s.error()).isTrue();
        return s;
    }

    /** The facts' history part run by hand as root, as the refresh runs it: true when it answered from its cache. */
    private static boolean factsFromCache(TestServer server) {
        server.writeFile("/root/upkeep-facts.sh", PatchFacts.stdin());
        CommandResult r = server.call("HOME=/root sh /root/upkeep-facts.sh");
        assertThat(r.stdout()).contains("@@upkeep-restart 1").contains("@@upkeep-history 1").endsWith("@@end\n");
        return r.stderr().contains("facts_cache=hit");
    }

    private static void awaitFactsCached(TestServer server) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> factsFromCache(server));
    }

    @Test
    void aPooledRefreshRunsOneCommandPerServerAndItsSecondRunAnswersTheHistoryFromTheCache(@TempDir Path dir)
            throws Exception {
        TestServer srv = fleet.server(0);
        try (SshStatusService service = new SshStatusService()) {
            Workspace ws = as(dir, srv, "root", false);
            refresh(service, ws);
            awaitFactsCached(srv);
            int before = execRequests(srv);
            ServerStatus second = refresh(service, ws);
            assertThat(execRequests(srv) - before).as("exec requests of one pooled refresh").isEqualTo(1);
            assertThat(second.restartNeeds().cannotLook()).isNull();
            assertThat(second.securityPatchAge()).isNotNull();
            assertThat(srv.run("stat -c %a " + ROOT_FACTS_CACHE).strip()).isEqualTo("600");
            // a forced recompute (status --no-cache, --update-lists) passes the cache by
            srv.writeFile("/root/upkeep-facts-refresh.sh", PatchFacts.stdin(ProbeCache.REFRESH));
            assertThat(srv.call("HOME=/root sh /root/upkeep-facts-refresh.sh").stderr()).doesNotContain("facts_cache=hit");
        }
    }

    @Test
    void anUpgradeARestartAndARebootAreEachSeenByTheNextRefreshDespiteTheCache(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(1);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (SshStatusService service = new SshStatusService()) {
            Workspace ws = as(dir, srv, "root", false);
            ServerStatus first = refresh(service, ws);
            assertThat(first.restartNeeds().services()).isEmpty();
            assertThat(first.securityPatchAge().lastUpgrade()).isNull();
            awaitFactsCached(srv);

            // a security upgrade replaces the library the running daemon maps, and apt writes it to its history
            int daemon = LibraryDemo.pid(srv);
            srv.run("apt-get install -y -q --only-upgrade " + LibraryDemo.LIBRARY);
            ServerStatus upgraded = refresh(service, ws);
            assertThat(upgraded.securityPatchAge().lastUpgrade()).as("the upgrade in apt's history").isNotNull()
                    .isAfterOrEqualTo(start);
            assertThat(upgraded.restartNeeds().processes()).extracting(RestartNeeds.StaleProcess::pid).contains(daemon);
            assertThat(upgraded.restartNeeds().services()).extracting(RestartNeeds.Service::name)
                    .containsExactly(LibraryDemo.SERVICE);

            awaitFactsCached(srv);
            srv.run("/etc/init.d/" + LibraryDemo.SERVICE + " restart");
            ServerStatus restarted = refresh(service, ws);
            assertThat(restarted.restartNeeds().services()).as("restarted: uses the new library").isEmpty();
            assertThat(restarted.securityPatchAge().lastUpgrade()).isEqualTo(upgraded.securityPatchAge().lastUpgrade());

            awaitFactsCached(srv);
            String bootBefore = srv.bootId();
            srv.stop();
            srv.start();
            ServerStatus rebooted = refresh(service, ws);
            assertThat(rebooted.bootId()).isEqualTo(srv.bootId()).isNotEqualTo(bootBefore);
            assertThat(rebooted.restartNeeds().processes()).as("nothing runs the old library after a reboot").isEmpty();
            assertThat(rebooted.securityPatchAge().lastUpgrade()).isEqualTo(upgraded.securityPatchAge().lastUpgrade());
            assertThat(srv.run("head -n 2 " + ROOT_FACTS_CACHE + " 2>/dev/null || true"))
                    .as("a cache saved before the reboot is keyed by the old boot id").doesNotContain(srv.bootId());
        }
    }

    @Test
    void factsThatHangOrFloodLeaveTheProbesStatusStandingAndSayTheyCannotLook(@TempDir Path dir) throws Exception {
        TestServer srv = fleet.server(1);
        StatusLimits limits = new StatusLimits(Duration.ofSeconds(30), Duration.ofSeconds(120), 4L << 20,
                Duration.ofSeconds(2), 256 * 1024);
        Workspace ws = as(dir, srv, "root", false);
        // needrestart is not in the image: stand-ins that hang and that print without end (the check runs it as root)
        String hang = "sleep " + (7200 + new java.util.Random().nextInt(100_000));
        try (SshStatusService service = new SshStatusService(PassphraseProvider.NONE, limits)) {
            srv.writeFile("/usr/local/sbin/needrestart", ("#!/bin/sh\nexec " + hang + "\n").getBytes());
            srv.run("chmod 755 /usr/local/sbin/needrestart");
            ServerStatus hung = refresh(service, ws);
            assertThat(hung.bootId()).isEqualTo(srv.bootId());
            assertThat(hung.restartNeeds().cannotLook()).contains("no output for 2 s; stopped");
            // The stand-in itself lives on under the check's own "timeout 120" (its own process group) until that ends
            // it; the command and its shell were stopped.

            srv.writeFile("/usr/local/sbin/needrestart", "#!/bin/sh\nexec yes NEEDRESTART-SVC: flood.service\n".getBytes());
            ServerStatus flooded = refresh(service, ws);
            assertThat(flooded.bootId()).isEqualTo(srv.bootId());
            assertThat(flooded.error()).isNull();
            assertThat(flooded.restartNeeds().cannotLook()).isNotNull();
        } finally {
            srv.run("rm -f /usr/local/sbin/needrestart");
        }
    }

    @Test
    void withSudoTheFactsCacheIsRootsAndWithoutItTheLoginUsersWhileTheProbeStaysTheLoginUsers(@TempDir Path dir)
            throws Exception {
        TestServer srv = fleet.server(0);
        try (SshStatusService service = new SshStatusService()) {
            srv.run("rm -rf /root/.cache/upkeep/facts.cache /home/nopw/.cache /home/deploy/.cache");
            ServerStatus withSudo = refresh(service, as(dir, srv, "nopw", true));
            assertThat(withSudo.restartNeeds().cannotLook()).isNull();
            ServerStatus without = refresh(service, as(dir, srv, "deploy", false));
            assertThat(without.restartNeeds().cannotLook()).startsWith("cannot look without sudo");
            assertThat(without.securityPatchAge()).isNotNull();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                refresh(service, as(dir, srv, "nopw", true));
                refresh(service, as(dir, srv, "deploy", false));
                assertThat(srv.call("stat -c '%U %a' " + ROOT_FACTS_CACHE).stdout().strip()).isEqualTo("root 600");
                assertThat(srv.call("stat -c '%U %a' /home/deploy/.cache/upkeep/facts.cache").stdout().strip())
                        .isEqualTo("deploy 600");
                assertThat(srv.call("ls /home/nopw/.cache/upkeep").stdout()).as("the probe's cache: the login user's")
                        .contains("status.cache");
            });
            assertThat(srv.call("ls /home/nopw/.cache/upkeep").stdout()).as("nothing of root's in the login user's home")
                    .doesNotContain("facts");
        }
    }

    private static int execRequests(TestServer server) {
        return (int) server.sshdLog().lines().filter(l -> l.contains("server_input_channel_req")
                && l.contains("request exec")).count();
    }
}
