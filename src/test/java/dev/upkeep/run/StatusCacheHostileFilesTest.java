package dev.upkeep.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upkeep.cli.UpkeepCommand;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.remote.ProbeCache;
import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.upkeep.run.CacheProbe.ROOT_CACHE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worst cache files a real Debian 12 server can hold: each is ignored (never printed for the parser) and replaced,
 * and where the cache cannot be used at all the probe still answers, uncached. The forgeries are well-formed caches
 * with the right key and an invented pending update, so that only the probe's checks stand between them and the
 * window (the control test shows such a forgery at the real path, owned by the user, is believed).
 */
class StatusCacheHostileFilesTest {
    private static final String FAKE = "cache-fake-demo";
    /** A cache with the right key and one more Inst line, its trailer's counts made to match: $1 source, $2 target. */
    private static final String FORGE = "forge() { awk -v fake='Inst " + FAKE + " [1.0] (6.6 Debian-Security:12/stable-security [all])'"
            + " -v extra=\"${3:-0}\" '/^@@cache-end /{ n = split($0, f, \" \"); print \"@@cache-end \" f[2] \" \" f[3] + 1 + extra"
            + " \" \" f[4] + (length(fake) + 1) * (1 + extra); next } { print } $0 == \"@@apt\" { print fake;"
            + " for (i = 0; i < extra; i++) print fake }' \"$1\" > \"$2\"; }; ";
    private static TestFleet fleet;
    private static CacheProbe probe;
    private static TestServer server;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(1);
        probe = new CacheProbe(fleet);
        server = fleet.server(0);
        server.run("apt-get -q update");
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @BeforeEach
    void warm() {
        server.run("rm -rf /root/.cache/upkeep /home/deploy/.cache/upkeep /tmp/elsewhere");
        probe.warm(server);
    }

    private static void forgeInPlace() {
        server.run(FORGE + "forge " + ROOT_CACHE + " /tmp/forged && mv /tmp/forged " + ROOT_CACHE);
    }

    @Test
    void controlAWellFormedCacheWithTheRightKeyIsBelieved() {
        forgeInPlace();
        assertThat(probe.probe(server, ProbeCache.USE).mentions("Inst " + FAKE)).isTrue();
    }

    @Test
    void aRecomputeIgnoresTheCacheAndRewritesIt(@TempDir Path dir) throws Exception {
        forgeInPlace();
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), List.of(server));
        try (SshStatusService service = new SshStatusService()) {
            ServerStatus recomputed = service.refresh(ws, ServerRef.all(ws), false, true, (ref, s) -> {
            }).completion().get(60, TimeUnit.SECONDS).get(0);
            assertThat(recomputed.securityPackages()).doesNotContain(FAKE + " 6.6").contains("upkeep-sec-demo 1.1");
        }
        assertThat(probe.probe(server, ProbeCache.USE).mentions("Inst " + FAKE)).isFalse();
    }

    @Test
    void statusNoCacheOnTheCommandLineRecomputes(@TempDir Path dir) throws Exception {
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), List.of(server));
        new WorkspaceStore().save(ws);
        int pending = securityUpdates(ws, "status", "--json", "--no-cache");
        probe.warm(server);
        forgeInPlace();
        assertThat(securityUpdates(ws, "status", "--json")).as("control: the forged answer is believed").isEqualTo(pending + 1);
        assertThat(securityUpdates(ws, "status", "--json", "--no-cache")).isEqualTo(pending);
    }

    private static int securityUpdates(Workspace ws, String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = UpkeepCommand.commandLine(new UpkeepCommand(new WorkspaceStore(), SshStatusService::new));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--workspace";
        all[1] = ws.file().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        assertThat(cl.execute(all)).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString()).get(0).get("securityUpdates").asInt();
    }

    @Test
    void aGarbageCacheFileIsIgnoredAndRewritten() {
        server.run("{ echo '@@key'; echo 'esm_sources=3'; echo '@@apt'; echo 'Inst " + FAKE + " [1] (2 x [all])';"
                + " head -c 3000 /dev/urandom; } > " + ROOT_CACHE);
        CacheProbe.Answer next = probe.nextAgreesWithUncached(server);
        assertThat(next.cache()).isEqualTo("miss");
        assertThat(next.mentions(FAKE)).isFalse();
        assertThat(server.run("head -n 1 " + ROOT_CACHE)).isEqualTo("@@key\n");
        assertThat(probe.warm(server).mentions(FAKE)).isFalse();
    }

    @Test
    void aCacheThatClaimsAnotherKeyIsNotUsed() {
        server.run(FORGE + "forge " + ROOT_CACHE + " /tmp/forged && sed 's/^probe [^ ]* /probe 0123456789abcdef /' /tmp/forged > "
                + ROOT_CACHE);
        CacheProbe.Answer next = probe.nextAgreesWithUncached(server);
        assertThat(next.cache()).isEqualTo("miss");
        assertThat(next.mentions(FAKE)).isFalse();
    }

    @Test
    void aCacheCutShortIsNotUsed() {
        server.run(FORGE + "forge " + ROOT_CACHE + " /tmp/forged && head -n -2 /tmp/forged > " + ROOT_CACHE);
        CacheProbe.Answer next = probe.nextAgreesWithUncached(server);
        assertThat(next.cache()).isEqualTo("miss");
        assertThat(next.mentions(FAKE)).isFalse();
    }

    @Test
    void aCacheFileThatIsASymlinkIsNeitherReadNorWrittenThrough() {
        server.run(FORGE + "forge " + ROOT_CACHE + " /tmp/elsewhere && ln -sf /tmp/elsewhere " + ROOT_CACHE);
        String elsewhere = server.run("cat /tmp/elsewhere");

        CacheProbe.Answer next = probe.nextAgreesWithUncached(server);

        assertThat(next.cache()).isEqualTo("miss");
        assertThat(next.mentions(FAKE)).isFalse();
        assertThat(server.run("cat /tmp/elsewhere")).as("the symlink's target is untouched").isEqualTo(elsewhere);
        assertThat(server.run("stat -c %F " + ROOT_CACHE).strip()).isEqualTo("regular file");
    }

    @Test
    void aCacheFileOwnedBySomeoneElseIsIgnoredAndReplaced() {
        forgeInPlace();
        server.run("chown 1000:1000 " + ROOT_CACHE);

        CacheProbe.Answer next = probe.nextAgreesWithUncached(server);

        assertThat(next.cache()).isEqualTo("miss");
        assertThat(next.mentions(FAKE)).isFalse();
        assertThat(server.run("stat -c '%U %a' " + ROOT_CACHE).strip()).isEqualTo("root 600");
    }

    @Test
    void aHugeCacheFileIsIgnoredAndReplaced() {
        server.run(FORGE + "forge " + ROOT_CACHE + " /tmp/forged 40000 && mv /tmp/forged " + ROOT_CACHE);
        assertThat(Long.parseLong(server.run("stat -c %s " + ROOT_CACHE).strip())).isGreaterThan(2_000_000L);

        CacheProbe.Answer next = probe.nextAgreesWithUncached(server);

        assertThat(next.cache()).isEqualTo("miss");
        assertThat(next.mentions(FAKE)).isFalse();
        assertThat(Long.parseLong(server.run("stat -c %s " + ROOT_CACHE).strip())).isLessThan(100_000L);
    }

    @Test
    void aCacheDirectoryTheUserCannotWriteLeavesTheProbeAnsweringUncached() {
        server.run("mkdir -p /home/deploy/.cache/upkeep && chown -R root:root /home/deploy/.cache/upkeep"
                + " && chmod 755 /home/deploy/.cache/upkeep");
        CacheProbe.Answer next = probe.nextAgreesWithUncached(server, "deploy");
        assertThat(next.cache()).isEqualTo("unusable");
        assertThat(next.mentions("Inst upkeep-sec-demo")).isTrue();
    }

    @Test
    void aCacheDirectoryOthersCanWriteOrThatIsASymlinkIsNotUsed() {
        server.run("mkdir -p /home/deploy/.cache /tmp/deploy-cache && chown deploy /home/deploy/.cache /tmp/deploy-cache"
                + " && ln -sfn /tmp/deploy-cache /home/deploy/.cache/upkeep");
        assertThat(probe.nextAgreesWithUncached(server, "deploy").cache()).isEqualTo("unusable");
        server.run("rm /home/deploy/.cache/upkeep && mkdir -m 770 /home/deploy/.cache/upkeep"
                + " && chown deploy /home/deploy/.cache/upkeep");
        assertThat(probe.nextAgreesWithUncached(server, "deploy").cache()).isEqualTo("unusable");
        assertThat(server.run("ls -A /home/deploy/.cache/upkeep /tmp/deploy-cache")).doesNotContain("status");
    }
}
