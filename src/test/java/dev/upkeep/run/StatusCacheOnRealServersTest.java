package dev.upkeep.run;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.remote.ProbeCache;
import dev.upkeep.testfleet.CommandResult;
import dev.upkeep.testfleet.DebPackage;
import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.OpenSshClient;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The status probe's server-side cache on real Debian 12 and 13 servers: every change of state is seen by the very
 * next refresh, which says what an uncached probe says, and where the change is one the key must catch, the refresh
 * is a miss (a key that lost an invalidator fails here).
 */
class StatusCacheOnRealServersTest {
    private static TestFleet fleet;
    private static CacheProbe probe;
    private static OpenSshClient ssh;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable(DebianRelease.DEBIAN_12, DebianRelease.DEBIAN_13);
        fleet = TestFleet.start(FleetOptions.servers(2).release(DebianRelease.DEBIAN_13, 1));
        probe = new CacheProbe(fleet);
        ssh = new OpenSshClient(fleet);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static TestServer server(DebianRelease os) {
        TestServer s = fleet.server(os == DebianRelease.DEBIAN_12 ? 0 : 1);
        assertThat(s.release()).isEqualTo(os);
        return s;
    }

    /** The package at 1.0 on the server, 1.1 in the release's security suite, the lists updated. */
    private static void pending(TestServer server, String name) {
        server.install(DebPackage.of(name, "1.0"));
        fleet.repo().publish(server.release().codename() + "-security", DebPackage.of(name, "1.1"));
        server.run("apt-get -q update");
    }

    private static void overSsh(TestServer server, String command) {
        CommandResult r = ssh.run(server, "root", command);
        assertThat(r.exitCode()).as(command + ": " + r.stderr()).isZero();
    }

    /**
     * A boot id is random hex: one in a few dozen begins like a number in awk's eyes ("324e519f…" is 324×10^519). It
     * once counted as the newest file time of the key, so the state never looked settled and the cache never hit for
     * that whole boot.
     */
    @Test
    void theCacheHitsWhateverTheBootIdLooksLike() {
        TestServer server = server(DebianRelease.DEBIAN_12);
        server.nextBootId("324e519f-4aa4-4da2-b9d5-e3a017035f46");
        server.stop();
        server.start();
        assertThat(server.bootId()).startsWith("324e519f");
        assertThat(probe.warm(server).cache()).isEqualTo("hit");
        assertThat(probe.nextAgreesWithUncached(server).cache()).isEqualTo("hit");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DebianRelease.class, names = {"DEBIAN_12", "DEBIAN_13"})
    void anUpgradeBySomeoneElseOverPlainSshIsSeenByTheNextRefresh(DebianRelease os) {
        TestServer server = server(os);
        pending(server, "cache-upgrade-demo");
        assertThat(probe.warm(server).mentions("Inst cache-upgrade-demo [1.0] (1.1")).isTrue();

        overSsh(server, "DEBIAN_FRONTEND=noninteractive apt-get -q -y upgrade");

        CacheProbe.Answer next = probe.nextAgreesWithUncached(server);
        assertThat(next.cache()).isEqualTo("miss");
        assertThat(next.mentions("Inst cache-upgrade-demo")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DebianRelease.class, names = {"DEBIAN_12", "DEBIAN_13"})
    void anAptGetUpdateThatBringsANewVersionIsSeenByTheNextRefresh(DebianRelease os) {
        TestServer server = server(os);
        server.install(DebPackage.of("cache-lists-demo", "1.0"));
        server.run("apt-get -q update");
        assertThat(probe.warm(server).mentions("Inst cache-lists-demo")).isFalse();

        fleet.repo().publish(os.codename() + "-security", DebPackage.of("cache-lists-demo", "1.1"));
        overSsh(server, "apt-get -q update");

        CacheProbe.Answer next = probe.nextAgreesWithUncached(server);
        assertThat(next.cache()).isEqualTo("miss");
        assertThat(next.mentions("Inst cache-lists-demo [1.0] (1.1")).isTrue();
        // An update that changes nothing leaves the answers as they are, cached or not.
        probe.warm(server);
        overSsh(server, "apt-get -q update");
        assertThat(probe.nextAgreesWithUncached(server).mentions("Inst cache-lists-demo [1.0] (1.1")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DebianRelease.class, names = {"DEBIAN_12", "DEBIAN_13"})
    void aManualDpkgInstallOfALocalDebIsSeenByTheNextRefresh(DebianRelease os) {
        TestServer server = server(os);
        pending(server, "cache-dpkg-demo");
        assertThat(probe.warm(server).mentions("Inst cache-dpkg-demo")).isTrue();

        server.install(DebPackage.of("cache-dpkg-demo", "1.1")); // dpkg -i of a .deb copied to the server

        CacheProbe.Answer next = probe.nextAgreesWithUncached(server);
        assertThat(next.cache()).isEqualTo("miss");
        assertThat(next.mentions("Inst cache-dpkg-demo")).isFalse();
    }

    /**
     * dpkg's status rewritten in place with its old size and mtime (only its ctime tells): the cache is not trusted.
     * apt's own package cache goes by size and mtime, so apt answers as before; the probe must still ask it.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DebianRelease.class, names = {"DEBIAN_12", "DEBIAN_13"})
    void aRewriteOfDpkgStatusKeepingInodeSizeAndMtimeIsNotAnsweredFromTheCache(DebianRelease os) {
        TestServer server = server(os);
        pending(server, "cache-ctime-demo");
        assertThat(probe.warm(server).mentions("Inst cache-ctime-demo")).isTrue();

        server.run("cd /var/lib/dpkg && inode=$(stat -c %i status) && cp -p status /tmp/status.orig && awk '/^Package: /{ p = $2 }"
                + " p == \"cache-ctime-demo\" && $0 == \"Version: 1.0\" { $0 = \"Version: 1.1\" } { print }' status"
                + " > /tmp/status.new && cat /tmp/status.new > status && touch -r /tmp/status.orig status"
                + " && [ \"$(stat -c '%i %s %Y' status)\" = \"$inode $(stat -c '%s %Y' /tmp/status.orig)\" ]");

        assertThat(probe.nextAgreesWithUncached(server).cache()).isEqualTo("miss");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DebianRelease.class, names = {"DEBIAN_12", "DEBIAN_13"})
    void aRebootIsSeenByTheNextRefresh(DebianRelease os) {
        TestServer server = server(os);
        CacheProbe.Answer before = probe.warm(server);

        server.stop();
        server.start();

        CacheProbe.Answer next = probe.nextAgreesWithUncached(server);
        assertThat(next.cache()).as("a new boot id is a new key").isEqualTo("miss");
        assertThat(next.mentions("boot_id=" + server.bootId())).isTrue();
        assertThat(next.answers()).isNotEqualTo(before.answers());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DebianRelease.class, names = {"DEBIAN_12", "DEBIAN_13"})
    void rebootRequiredAppearingAndDisappearingIsSeenByTheNextRefresh(DebianRelease os) {
        TestServer server = server(os);
        server.run("rm -f /run/reboot-required /run/reboot-required.pkgs");
        assertThat(probe.warm(server).mentions("reboot_required_since=")).isFalse();

        server.requireReboot("cache-kernel-demo");
        CacheProbe.Answer flagged = probe.nextAgreesWithUncached(server);
        assertThat(flagged.mentions("reboot_required_since=")).isTrue();
        assertThat(flagged.mentions("@@reboot_pkgs\ncache-kernel-demo\n@@end")).isTrue();

        probe.warm(server);
        server.run("rm -f /run/reboot-required /run/reboot-required.pkgs");
        CacheProbe.Answer cleared = probe.nextAgreesWithUncached(server);
        assertThat(cleared.mentions("reboot_required_since=")).isFalse();
        assertThat(cleared.mentions("cache-kernel-demo")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DebianRelease.class, names = {"DEBIAN_12", "DEBIAN_13"})
    void aReplacedDockerBinaryIsSeenByTheNextRefresh(DebianRelease os) {
        TestServer server = server(os);
        // Same length, so only the binary's mtime, ctime and inode can tell the two apart.
        String old = "#!/bin/sh\necho 'Docker version 24.0.7, build 1'\n";
        String replaced = "#!/bin/sh\necho 'Docker version 25.0.3, build 1'\n";
        server.writeFile("/usr/local/bin/docker", old.getBytes(StandardCharsets.UTF_8));
        server.run("chmod 755 /usr/local/bin/docker");
        try {
            assertThat(probe.warm(server).mentions("docker=Docker version 24.0.7")).isTrue();

            server.run("cat > /tmp/docker.new <<'EOF'\n" + replaced + "EOF\nchmod 755 /tmp/docker.new"
                    + " && mv /tmp/docker.new /usr/local/bin/docker");

            CacheProbe.Answer next = probe.nextAgreesWithUncached(server);
            assertThat(next.cache()).isEqualTo("miss");
            assertThat(next.mentions("docker=Docker version 25.0.3")).isTrue();
        } finally {
            server.run("rm -f /usr/local/bin/docker");
        }
    }

    @Test
    void aDockerWhoseDaemonIsDownIsReportedByItsClientVersionAndItsStatusStillCached() {
        TestServer server = server(DebianRelease.DEBIAN_13);
        // As the real client does without a daemon: `docker version --format …` prints an empty line and fails.
        String client = "#!/bin/sh\nif [ \"$1\" = version ]; then echo; echo 'Cannot connect to the Docker daemon' >&2;"
                + " exit 1; fi\necho 'Docker version 24.0.7, build 1'\n";
        server.writeFile("/usr/local/bin/docker", client.getBytes(StandardCharsets.UTF_8));
        server.run("chmod 755 /usr/local/bin/docker");
        try {
            CacheProbe.Answer warm = probe.warm(server);
            assertThat(warm.lines()).contains("docker=Docker version 24.0.7, build 1").doesNotContain("docker=");
            assertThat(probe.nextAgreesWithUncached(server).cache()).isEqualTo("hit");
        } finally {
            server.run("rm -f /usr/local/bin/docker");
        }
    }

    /**
     * The probe, a change and the next probe within one second of the server's clock (a hold written by apt-mark):
     * timestamps of one-second (or one-tick) granularity must not hide it.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DebianRelease.class, names = {"DEBIAN_12", "DEBIAN_13"})
    void aChangeWithinTheSameSecondAsThePreviousProbeIsSeen(DebianRelease os) {
        TestServer server = server(os);
        pending(server, "cache-second-demo");
        server.writeFile("/root/probe.sh", dev.upkeep.remote.StatusProbe.script(ProbeCache.USE)
                .getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            server.run("apt-mark unhold cache-second-demo");
            probe.warm(server);
            // Starts on a fresh second (waits for the clock's tick, not for a guessed time), so all three fit in it.
            CommandResult r = ssh.run(server, "root", "s=$(date +%s); while [ \"$(date +%s)\" = \"$s\" ]; do :; done;"
                    + " sh /root/probe.sh; apt-mark hold cache-second-demo >/dev/null; sh /root/probe.sh");
            String[] two = r.stdout().split("@@end\n");
            CacheProbe.Answer first = new CacheProbe.Answer(two[0] + "@@end\n");
            CacheProbe.Answer second = new CacheProbe.Answer(two[1] + "@@end\n");
            assertThat(second.now()).as("both probes in one second").isEqualTo(first.now());
            assertThat(first.cache()).isEqualTo("hit");
            assertThat(first.mentions("Inst cache-second-demo")).isTrue();
            assertThat(second.cache()).isEqualTo("miss");
            assertThat(second.mentions("Inst cache-second-demo")).isFalse();
            assertThat(second.answers()).isEqualTo(probe.probe(server, ProbeCache.OFF).answers());
        });
        server.run("apt-mark unhold cache-second-demo");
    }

    /** The window's path: pooled connections, a second refresh answered from the cache, then someone upgrades. */
    @Test
    void thePooledRefreshSeesAnUpgradeMadeBetweenTwoRefreshes(@TempDir Path dir) throws Exception {
        TestServer server = server(DebianRelease.DEBIAN_12);
        pending(server, "cache-pooled-demo");
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), List.of(server));
        try (SshStatusService service = new SshStatusService()) {
            probe.warm(server);
            ServerStatus before = refresh(service, ws);
            assertThat(before.securityPackages()).contains("cache-pooled-demo 1.1");

            overSsh(server, "DEBIAN_FRONTEND=noninteractive apt-get -q -y install --only-upgrade cache-pooled-demo");

            ServerStatus after = refresh(service, ws);
            assertThat(after.securityPackages()).doesNotContain("cache-pooled-demo 1.1");
            assertThat(after.securityUpdates()).isEqualTo(before.securityUpdates() - 1);
        }
    }

    private static ServerStatus refresh(SshStatusService service, Workspace ws) throws Exception {
        List<ServerStatus> result = service.refresh(ws, ServerRef.all(ws), false, (ref, status) -> {
        }).completion().get(60, TimeUnit.SECONDS);
        assertThat(result.get(0).error()).isNull();
        return result.get(0);
    }
}
