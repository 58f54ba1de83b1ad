package dev.upkeep.remote;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.manifest.ManifestDocument;
import dev.upkeep.ssh.CommandCancelledException;
import dev.upkeep.ssh.SshConnector;
import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.DockerRepo;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.HttpsMirror;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import dev.upkeep.testfleet.WeaveScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The Docker upgrade on real Debian servers with a Docker CE–style apt repository. */
class DockerUpgradeTest {
    private static final Logger log = LoggerFactory.getLogger(DockerUpgradeTest.class);
    private static final String OLD_CE = "18.03.0~ce-0~debian";
    /** A docker-ce whose postinst takes 12 s: time to drop a connection, cancel or run out of time while dpkg runs. */
    private static final String SLOW = "5:26.1.4-1~debian.12~bookworm";
    /** Its postinst takes 25 s: it outlasts a 5 s time limit and the grace after it. */
    private static final String SLOWER = "5:26.1.5-1~debian.12~bookworm";
    /** Its postinst waits until the Docker job was asked to stop: the cancel comes while dpkg runs, never after. */
    private static final String HELD = "5:26.1.3-1~debian.12~bookworm";
    private static TestFleet fleet;
    private static DockerRepo docker;
    private static HttpsMirror mirror;
    private static SshConnector connector;
    /** One server per OS, each with Docker's repository for its OS (the versions differ by OS). */
    private static TestFleet osFleet;
    private static final Map<DebianRelease, DockerRepo> dockerByOs = new EnumMap<>(DebianRelease.class);
    private static SshConnector osConnector;

    @BeforeAll
    static void start() {
        TestFleet.assumeAvailable(DebianRelease.values());
        osFleet = TestFleet.start(FleetOptions.onePerOs());
        for (DebianRelease os : DebianRelease.values()) {
            DockerRepo repo = DockerRepo.start(osFleet, os);
            dockerByOs.put(os, repo);
            repo.addTo(osFleet.server(os.ordinal()));
        }
        osConnector = TestContext.connector(osFleet);
        fleet = TestFleet.start(10);
        docker = DockerRepo.start(fleet).publish(OLD_CE).publishSlow(SLOW, 12).publishSlow(SLOWER, 25)
                .publishHeldUntilCancelled(HELD);
        mirror = HttpsMirror.start();
        fleet.servers().forEach(mirror::trustOn);
        fleet.servers().forEach(docker::addTo);
        connector = TestContext.connector(fleet);
    }

    @AfterAll
    static void stop() {
        if (osConnector != null) {
            osConnector.close();
        }
        dockerByOs.values().forEach(DockerRepo::close);
        if (osFleet != null) {
            osFleet.close();
        }
        if (connector != null) {
            connector.close();
        }
        if (docker != null) {
            docker.close();
        }
        if (mirror != null) {
            mirror.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    private static String installed(TestServer server) {
        return server.run("dpkg-query -W -f='${Package} ${Version}\\n' docker-ce docker-ce-cli");
    }

    private static String running(TestServer server) {
        return server.run("docker version --format '{{.Server.Version}}'").strip();
    }

    /** The stand-in daemon's start/stop log: unchanged means Docker was not restarted. */
    private static String restarts(TestServer server) {
        return server.run("cat /var/log/docker-standin.log");
    }

    /** The manifest says 25.0.3; each OS's repository spells it its own way (~ubuntu.22.04~jammy, ~debian.13~trixie). */
    @ParameterizedTest(name = "{0}")
    @EnumSource(DebianRelease.class)
    void upgradesToTheManifestsVersionAndRestartsDockerThenDoesNothingTheSecondTime(DebianRelease os) throws Exception {
        TestServer server = osFleet.server(os.ordinal());
        DockerRepo docker = dockerByOs.get(os);
        String newVersion = docker.newVersion();
        docker.install(server, docker.oldVersion());
        try (TestContext ctx = TestContext.root(osConnector, osFleet, server)) {
            long started = System.nanoTime();
            ProcedureResult result = new DockerUpgrade("25.0.3", false).run(ctx);
            log.info("Docker upgrade on 1 server: {} ms", (System.nanoTime() - started) / 1_000_000);

            assertThat(result.success()).as(result.message() + "\n" + ctx.output()).isTrue();
            assertThat(result.message()).isEqualTo("Docker 24.0.7 → 25.0.3 (docker-ce " + newVersion + ")");
            assertThat(result.upgraded()).containsExactly("docker-ce " + newVersion, "docker-ce-cli " + newVersion);
            assertThat(installed(server)).isEqualTo("docker-ce " + newVersion + "\ndocker-ce-cli " + newVersion + "\n");
            assertThat(running(server)).isEqualTo("25.0.3");
            assertThat(ctx.steps).allMatch(s -> s.startsWith("INSTALLING_DOCKER: ")).contains("INSTALLING_DOCKER: 24.0.7 → 25.0.3");
            assertThat(ctx.lines).anyMatch(l -> l.contains("Unpacking docker-ce (" + newVersion + ")"))
                    .contains("out: upkeep: restarting Docker with: service docker restart")
                    .noneMatch(l -> l.contains("@@upkeep"));

            String log = restarts(server);
            ProcedureResult again = new DockerUpgrade("25.0.3", false).run(ctx);
            assertThat(again.success()).as(again.message()).isTrue();
            assertThat(again.message()).startsWith("Docker already at 25.0.3");
            assertThat(again.upgraded()).isEmpty();
            assertThat(restarts(server)).as("no second restart").isEqualTo(log);
        }
    }

    @Test
    void aVersionAptDoesNotOfferFailsTheServerAndInstallsNothing() throws Exception {
        TestServer server = fleet.server(1);
        docker.install(server, DockerRepo.OLD);
        String before = installed(server);
        String log = restarts(server);
        try (TestContext ctx = TestContext.root(connector, fleet, server)) {
            DockerUpgrade.Preview preview = new DockerUpgrade("26.1.0", false).preview(ctx);
            assertThat(preview.packageVersion()).isNull();
            assertThat(preview.changes()).isFalse();
            assertThat(preview.problem()).contains("apt on " + server.name() + " offers no docker-ce package");

            ProcedureResult result = new DockerUpgrade("26.1.0", false).run(ctx);

            assertThat(result.success()).isFalse();
            assertThat(result.message()).isEqualTo("Docker 26.1.0 is not offered by apt on " + server.name()
                    + " (it offers 26.1.5, 26.1.4, 26.1.3, 25.0.3, 24.0.7, 18.03.0-ce). Nothing was installed.");
        }
        assertThat(installed(server)).isEqualTo(before);
        assertThat(running(server)).isEqualTo("24.0.7");
        assertThat(restarts(server)).isEqualTo(log);
    }

    @Test
    void aDowngradeIsRefusedUnlessAllowedAndACancelNeverCutsTheInstallOff() throws Exception {
        TestServer server = fleet.server(2);
        docker.install(server, DockerRepo.NEW);
        String log = restarts(server);
        try (TestContext ctx = TestContext.root(connector, fleet, server)) {
            ProcedureResult refused = new DockerUpgrade("24.0.7", false).run(ctx);
            assertThat(refused.success()).isFalse();
            assertThat(refused.message()).isEqualTo("refusing to downgrade docker-ce from " + DockerRepo.NEW + " to "
                    + DockerRepo.OLD + " without permission to downgrade. Nothing was installed.");
            assertThat(installed(server)).contains("docker-ce " + DockerRepo.NEW);
            assertThat(restarts(server)).isEqualTo(log);

            ProcedureResult allowed = new DockerUpgrade("24.0.7", true).run(ctx);
            assertThat(allowed.success()).as(allowed.message() + "\n" + ctx.output()).isTrue();
            assertThat(allowed.message()).startsWith("Docker 25.0.3 → 24.0.7");
        }
        assertThat(installed(server)).isEqualTo("docker-ce " + DockerRepo.OLD + "\ndocker-ce-cli " + DockerRepo.OLD + "\n");
        assertThat(running(server)).isEqualTo("24.0.7");

        try (TestContext ctx = TestContext.root(connector, fleet, server)) {
            ctx.cancelWhen(entry -> entry.startsWith("INSTALLING_DOCKER: looking for"));
            assertThatThrownBy(() -> new DockerUpgrade("25.0.3", false).run(ctx)).isInstanceOf(CommandCancelledException.class);
        }
        assertThat(running(server)).as("cancelled before installing").isEqualTo("24.0.7");

        try (TestContext ctx = TestContext.root(connector, fleet, server)) {
            ctx.cancelWhen(entry -> entry.contains("Unpacking docker-ce"));
            ProcedureResult finished = new DockerUpgrade("26.1.3", false).run(ctx);
            assertThat(ctx.stopRequest().isCancelled()).isTrue();
            assertThat(finished.success()).as("a cancel never cuts dpkg off: " + finished.message()).isTrue();
            assertThat(ctx.lines).anyMatch(l -> l.contains("a cancel came while dpkg ran: the packages are installed"));
        }
        assertThat(server.run("dpkg --audit")).isEmpty();
        assertThat(running(server)).isEqualTo("26.1.3");
    }

    @Test
    void anOldCeVersionInstallsWithSudoOnAServerWithoutDockerAndStaysHeld() throws Exception {
        TestServer server = fleet.server(3);
        assertThat(server.call("command -v docker").exitCode()).isNotZero();
        try (TestContext ctx = TestContext.deployWithSudo(connector, fleet, server)) {
            ProcedureResult result = new DockerUpgrade("18.03.0-ce", false).run(ctx);
            assertThat(result.success()).as(result.message() + "\n" + ctx.output()).isTrue();
            assertThat(result.message()).isEqualTo("Docker none → 18.03.0-ce (docker-ce " + OLD_CE + ")");
            assertThat(running(server)).isEqualTo("18.03.0-ce");

            server.run("apt-mark hold docker-ce docker-ce-cli");
            ProcedureResult held = new DockerUpgrade("25.0.3", false).run(ctx);
            assertThat(held.success()).as(held.message() + "\n" + ctx.output()).isTrue();
        }
        assertThat(running(server)).isEqualTo("25.0.3");
        assertThat(server.run("apt-mark showhold")).isEqualTo("docker-ce\ndocker-ce-cli\n");
    }

    @Test
    void theManifestsDockerAndWeaveVersionsAreInstalledThroughTheFactoryAndTheStatusProbeSeesThem() throws Exception {
        TestServer server = fleet.server(4);
        docker.install(server, DockerRepo.OLD);
        server.run("apt-get -q update");
        String weaveUrl = WeaveScripts.publish(mirror, WeaveScripts.OLD, WeaveScripts.NEW);
        WeaveScripts.install(server, WeaveScripts.OLD, "10.1.2.3");
        ManifestDocument manifest = ManifestDocument.parse("""
                production:
                  docker:
                    configuration:
                      docker_version: 25.0.3
                      weave_version: 2.8.1
                """, "Manifest.yml");
        List<Procedure> procedures = new DockerWeaveProcedures(new DockerWeaveProcedures.Options(true, true, false, weaveUrl,
                WeaveScripts.checksums(WeaveScripts.NEW), null, null, null)).forApplication(manifest, "production");

        List<ProcedureResult> results = new ArrayList<>();
        try (TestContext ctx = TestContext.deployWithSudo(connector, fleet, server)) {
            DockerUpgrade.Preview preview = ((DockerUpgrade) procedures.get(0)).preview(ctx);
            assertThat(preview).isEqualTo(new DockerUpgrade.Preview("24.0.7", "25.0.3", DockerRepo.NEW, null));
            assertThat(preview.changes()).isTrue();
            for (Procedure procedure : procedures) {
                results.add(procedure.run(ctx));
            }
            assertThat(ctx.steps).first().asString().startsWith("INSTALLING_DOCKER");
            assertThat(ctx.steps).last().asString().startsWith("INSTALLING_WEAVE");

            ServerStatus status = StatusProbe.parse("shop", server.name(),
                    ctx.connection().run("sh -s", StatusProbe.script().getBytes(), ctx.cancellation()).stdout(), Instant.now());
            assertThat(status.dockerVersion()).isEqualTo("25.0.3");
            assertThat(status.weaveVersion()).isEqualTo("2.8.1");
        }
        assertThat(results).extracting(ProcedureResult::message).containsExactly(
                "Docker 24.0.7 → 25.0.3 (docker-ce " + DockerRepo.NEW + ")",
                "Weave 2.8.0 → 2.8.1 (router relaunched with peers 10.1.2.3)");
    }

    @Test
    void aDroppedConnectionWhileDpkgRunsNeverStopsItAndUpkeepReportsTheInstallAfterReconnecting() throws Exception {
        TestServer server = fleet.server(5);
        docker.install(server, DockerRepo.OLD);
        TestContext ctx = TestContext.root(connector, fleet, server)
                .when(l -> l.contains("Unpacking docker-ce (" + SLOW + ")"), () -> server.run("pkill -f 'sshd: roo[t]@notty'"));
        try (ctx) {
            ProcedureResult result = new DockerUpgrade("26.1.4", false).run(ctx);

            assertThat(result.success()).as(result.message() + "\n" + ctx.output()).isTrue();
            assertThat(result.message()).isEqualTo("Docker 24.0.7 → 26.1.4 (docker-ce " + SLOW + ")");
            assertThat(ctx.lines).anyMatch(l -> l.startsWith("out: upkeep: connection lost")).contains("out: upkeep: reconnected");
            assertThat(ctx.lines.stream().filter(l -> l.contains("Unpacking docker-ce (" + SLOW + ")"))).as("each line once").hasSize(1);
        }
        assertThat(running(server)).isEqualTo("26.1.4");
        assertThat(server.run("dpkg --audit")).isEmpty();
    }

    @Test
    void aCancelWhileWaitingForAptStopsBeforeDpkgStartsAndNothingIsInstalled() throws Exception {
        TestServer server = fleet.server(6);
        docker.install(server, DockerRepo.OLD);
        String before = installed(server);
        server.spawn("exec flock /var/lib/dpkg/lock-frontend sleep 60");
        try (TestContext ctx = TestContext.root(connector, fleet, server)
                .cancelWhen(l -> l.contains("waiting for the apt/dpkg lock"))) {
            ProcedureResult result = new DockerUpgrade("25.0.3", false).run(ctx);

            assertThat(result.cancelled()).as(result.message() + "\n" + ctx.output()).isTrue();
            assertThat(result.message()).isEqualTo("cancelled before installing docker-ce " + DockerRepo.NEW + ": nothing changed");
            assertThat(ctx.lines).anyMatch(l -> l.contains("asked the docker job")).anyMatch(l -> l.contains("dpkg is never cut off"));
        } finally {
            server.run("pkill -f 'flock /var/lib/dpkg/lock-fronten[d]' || true");
        }
        assertThat(installed(server)).isEqualTo(before);
        assertThat(running(server)).isEqualTo("24.0.7");
    }

    @Test
    void theTimeLimitEndsTheJobAtASafePointAndNothingIsInstalled() throws Exception {
        TestServer server = fleet.server(7);
        docker.install(server, DockerRepo.OLD);
        String before = installed(server);
        server.spawn("exec flock /var/lib/dpkg/lock-frontend sleep 60");
        try (TestContext ctx = TestContext.root(connector, fleet, server)) {
            ProcedureResult result = new DockerUpgrade("25.0.3", false, Duration.ofSeconds(3)).run(ctx);

            assertThat(result.success()).isFalse();
            assertThat(result.cancelled()).isFalse();
            assertThat(result.message()).isEqualTo("the time limit was reached before installing docker-ce " + DockerRepo.NEW
                    + ": nothing changed");
        } finally {
            server.run("pkill -f 'flock /var/lib/dpkg/lock-fronten[d]' || true");
        }
        assertThat(installed(server)).isEqualTo(before);
    }

    @Test
    void pastTheTimeLimitDpkgIsNeverCutOffUpkeepStopsWaitingAndSaysSo() throws Exception {
        TestServer server = fleet.server(9);
        docker.install(server, DockerRepo.OLD);
        try (TestContext ctx = TestContext.root(connector, fleet, server)) {
            // 25 s of postinst against a 5 s limit: Upkeep gives up after the limit and its grace, dpkg goes on.
            ProcedureResult result = new DockerUpgrade("26.1.5", false, Duration.ofSeconds(5)).run(ctx);

            assertThat(result.success()).isFalse();
            assertThat(result.message()).startsWith("the docker job did not end within its time limit of 5 s: it was asked"
                    + " to stop at its next safe point and was not killed (dpkg is never cut off)");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> server.call("cat /var/log/upkeep/docker-*.status").stdout().contains("0"));
        assertThat(server.run("dpkg --audit")).isEmpty();
        assertThat(installed(server)).contains("docker-ce " + SLOWER);
    }

    @Test
    void aRestartThatNeverEndsIsCutOffByItsTimeoutAndTheServerFailsSayingSo() throws Exception {
        TestServer server = fleet.server(8);
        docker.install(server, DockerRepo.OLD);
        server.run("touch /etc/docker-standin-restart-hangs");
        try (TestContext ctx = TestContext.root(connector, fleet, server)) {
            ProcedureResult result = new DockerUpgrade("25.0.3", false, Duration.ofMinutes(2), Duration.ofSeconds(2)).run(ctx);

            assertThat(result.success()).isFalse();
            assertThat(result.message()).isEqualTo("installed, but 'service docker restart' did not finish within 2 s");
        } finally {
            server.run("rm -f /etc/docker-standin-restart-hangs; pkill -f 'sleep 360[0]' || true");
        }
        assertThat(installed(server)).contains("docker-ce " + DockerRepo.NEW);
    }
}
