package dev.upkeep.remote;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.manifest.ManifestDocument;
import dev.upkeep.ssh.CommandCancelledException;
import dev.upkeep.ssh.SshConnector;
import dev.upkeep.testfleet.DockerRepo;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
import dev.upkeep.testfleet.WeaveScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Docker upgrade on real Debian servers with a Docker CE–style apt repository. */
class DockerUpgradeTest {
    private static final Logger log = LoggerFactory.getLogger(DockerUpgradeTest.class);
    private static final String OLD_CE = "18.03.0~ce-0~debian";
    private static TestFleet fleet;
    private static DockerRepo docker;
    private static SshConnector connector;

    @BeforeAll
    static void start() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(5);
        docker = DockerRepo.start(fleet).publish(OLD_CE);
        fleet.servers().forEach(docker::addTo);
        connector = TestContext.connector(fleet);
    }

    @AfterAll
    static void stop() {
        if (connector != null) connector.close();
        if (docker != null) docker.close();
        if (fleet != null) fleet.close();
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

    @Test
    void upgradesToTheManifestsVersionAndRestartsDockerThenDoesNothingTheSecondTime() throws Exception {
        TestServer server = fleet.server(0);
        docker.install(server, DockerRepo.OLD);
        try (TestContext ctx = TestContext.root(connector, fleet, server)) {
            long started = System.nanoTime();
            ProcedureResult result = new DockerUpgrade("25.0.3", false).run(ctx);
            log.info("Docker upgrade on 1 server: {} ms", (System.nanoTime() - started) / 1_000_000);

            assertThat(result.success()).as(result.message() + "\n" + ctx.output()).isTrue();
            assertThat(result.message()).isEqualTo("Docker 24.0.7 → 25.0.3 (docker-ce " + DockerRepo.NEW + ")");
            assertThat(result.upgraded()).containsExactly("docker-ce " + DockerRepo.NEW, "docker-ce-cli " + DockerRepo.NEW);
            assertThat(installed(server)).isEqualTo("docker-ce " + DockerRepo.NEW + "\ndocker-ce-cli " + DockerRepo.NEW + "\n");
            assertThat(running(server)).isEqualTo("25.0.3");
            assertThat(ctx.steps).allMatch(s -> s.startsWith("INSTALLING_DOCKER: ")).contains("INSTALLING_DOCKER: 24.0.7 → 25.0.3");
            assertThat(ctx.lines).anyMatch(l -> l.contains("Unpacking docker-ce (" + DockerRepo.NEW + ")"))
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
                    + " (it offers 25.0.3, 24.0.7, 18.03.0-ce). Nothing was installed.");
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
            ProcedureResult finished = new DockerUpgrade("25.0.3", false).run(ctx);
            assertThat(ctx.cancellation().isCancelled()).isTrue();
            assertThat(finished.success()).as("a cancel never cuts dpkg off: " + finished.message()).isTrue();
        }
        assertThat(server.run("dpkg --audit")).isEmpty();
        assertThat(running(server)).isEqualTo("25.0.3");
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
        String weaveUrl = WeaveScripts.publish(fleet, WeaveScripts.OLD, WeaveScripts.NEW);
        WeaveScripts.install(server, WeaveScripts.OLD, "10.1.2.3");
        ManifestDocument manifest = ManifestDocument.parse("""
                production:
                  docker:
                    configuration:
                      docker_version: 25.0.3
                      weave_version: 2.8.1
                """, "Manifest.yml");
        List<Procedure> procedures = new DockerWeaveProcedures(new DockerWeaveProcedures.Options(true, true, false, weaveUrl))
                .forApplication(manifest, "production");

        List<ProcedureResult> results = new ArrayList<>();
        try (TestContext ctx = TestContext.deployWithSudo(connector, fleet, server)) {
            DockerUpgrade.Preview preview = ((DockerUpgrade) procedures.get(0)).preview(ctx);
            assertThat(preview).isEqualTo(new DockerUpgrade.Preview("24.0.7", "25.0.3", DockerRepo.NEW, null));
            assertThat(preview.changes()).isTrue();
            for (Procedure procedure : procedures) results.add(procedure.run(ctx));
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
}
