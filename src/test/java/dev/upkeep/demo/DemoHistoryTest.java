package dev.upkeep.demo;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.history.PackageChange;
import dev.upkeep.history.PatchEvent;
import dev.upkeep.history.PatchHistory;
import dev.upkeep.remote.DockerUpgrade;
import dev.upkeep.remote.ProcedureResult;
import dev.upkeep.remote.SecurityUpgrade;
import dev.upkeep.run.AnswerListener;
import dev.upkeep.run.RunHistory;
import dev.upkeep.run.ServerAnswer;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.run.StatusListener;
import dev.upkeep.ssh.SshConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The History tab and the "Last security upgrade" column on the demo: Upkeep's real history read over the demo's SSH. */
class DemoHistoryTest {
    private static DemoRig rig;
    private static DemoFleet fleet;
    private static SshStatusService status;
    private static SshConnector connector;
    private static Workspace ws;

    @BeforeAll
    static void start() throws Exception {
        rig = DemoRig.start();
        fleet = rig.fleet();
        status = rig.status();
        connector = rig.connector();
        ws = rig.ws();
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void aDemoServersHistoryHoldsItsSeededUpgradesToldSecurityFromOther() throws Exception {
        ServerAnswer<PatchHistory> answer = history("api", "api3");

        assertThat(answer.error()).isNull();
        List<PatchEvent> events = answer.value().events();
        PatchEvent htop = only(events, "htop");
        assertThat(htop.security()).isFalse();
        assertThat(htop.startedBy()).isEqualTo("ops (1000)");
        assertThat(htop.changes()).extracting(PackageChange::action).containsExactly(PackageChange.Action.INSTALL);
        PatchEvent libxml2 = only(events, "libxml2");
        assertThat(libxml2.security()).isTrue();
        assertThat(libxml2.startedBy()).isEqualTo("unattended-upgrades");
        assertThat(libxml2.changes().get(0).to()).isEqualTo("2.9.13+dfsg-1ubuntu0.4");
        // superseded in the archive since, so only unattended-upgrades' log tells it was a security upgrade
        assertThat(only(events, "libexpat1").security()).isTrue();
        assertThat(answer.value().lastSecurityUpgrade().orElseThrow().start())
                .isBetween(Instant.now().minus(Duration.ofDays(12)), Instant.now().minus(Duration.ofDays(10)));
    }

    @Test
    void aDebianServersSecurityArchiveIsToldApartToo() throws Exception {
        ServerAnswer<PatchHistory> answer = history("db", "db3");

        assertThat(answer.error()).isNull();
        assertThat(only(answer.value().events(), "libxml2").security()).isTrue();
        assertThat(only(answer.value().events(), "htop").security()).isFalse();
    }

    @Test
    void theLastSecurityUpgradeColumnDiffersPerServerAndCrossesTheWarning() throws Exception {
        List<ServerRef> refs = List.of(new ServerRef("shop", "shop-web3"), new ServerRef("shop", "shop-web2"),
                new ServerRef("db", "db1"));
        List<ServerStatus> all = status.refresh(ws, refs, false, new StatusListener() {
            @Override
            public void finished(ServerRef server, ServerStatus s) {
            }
        }).completion().get(60, TimeUnit.SECONDS);
        Map<String, ServerStatus> byName = all.stream().collect(Collectors.toMap(ServerStatus::server, Function.identity()));
        Instant now = Instant.now();

        assertThat(byName.get("shop-web3").securityPatchAge().daysAgo(now)).isEqualTo(8L);
        assertThat(byName.get("shop-web2").securityPatchAge().daysAgo(now)).isEqualTo(38L);
        assertThat(byName.get("shop-web3").securityPatchAge().olderThan(14, now)).isFalse();
        assertThat(byName.get("shop-web2").securityPatchAge().olderThan(14, now)).isTrue();
    }

    @Test
    void aDemoSecurityUpgradeIsInTheNextRead() throws Exception {
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-5eed01";
        try (DemoContext ctx = DemoContext.login(connector, fleet, "api1")) {
            ProcedureResult r = new SecurityUpgrade(runId, Duration.ofSeconds(300), false).run(ctx);
            assertThat(r.success()).as(r.message()).isTrue();
        }

        ServerAnswer<PatchHistory> answer = history("api", "api1");

        assertThat(answer.error()).isNull();
        PatchEvent upgrade = only(answer.value().events(), "libssl3");
        assertThat(upgrade.security()).isTrue();
        assertThat(upgrade.runId()).isEqualTo(runId);
        assertThat(upgrade.changes()).extracting(PackageChange::name, PackageChange::from, PackageChange::to)
                .contains(org.assertj.core.groups.Tuple.tuple("libssl3", "3.0.2-0ubuntu1.12", "3.0.2-0ubuntu1.15"));
        assertThat(answer.value().lastSecurityUpgrade().orElseThrow()).isEqualTo(upgrade);
    }

    @Test
    void aDemoDockerUpgradeIsInTheNextReadAsAnOtherChange() throws Exception {
        try (DemoContext ctx = DemoContext.login(connector, fleet, "shop-web2")) {
            ProcedureResult r = new DockerUpgrade("24.0.7", false).run(ctx);
            assertThat(r.success()).as(r.message()).isTrue();
        }

        ServerAnswer<PatchHistory> answer = history("shop", "shop-web2");

        assertThat(answer.error()).isNull();
        PatchEvent docker = only(answer.value().events(), "docker-ce");
        assertThat(docker.security()).isFalse();
        assertThat(docker.commandline()).startsWith("apt-get install");
        assertThat(docker.changes()).extracting(PackageChange::name, PackageChange::from, PackageChange::to)
                .contains(org.assertj.core.groups.Tuple.tuple("docker-ce", "5:20.10.24~3-0~ubuntu-jammy",
                        "5:24.0.7-1~ubuntu.22.04~jammy"));
    }

    @Test
    void aServerThatIsRebootingFailsTheReadAsARealOneDoes() throws Exception {
        SimHost api2 = fleet.host("api2");
        fleet.scheduleReboot(api2);
        await().atMost(Duration.ofSeconds(10)).until(() -> !api2.up());

        ServerAnswer<PatchHistory> answer = history("api", "api2");

        assertThat(answer.value()).isNull();
        assertThat(answer.error()).containsIgnoringCase("refused");
        await().atMost(Duration.ofSeconds(20)).until(api2::up);
    }

    private static ServerAnswer<PatchHistory> history(String app, String server) throws Exception {
        List<ServerAnswer<PatchHistory>> answers = status.history(ws, List.of(new ServerRef(app, server)), null,
                new RunHistory(fleet.stateDir()), AnswerListener.none()).completion().get(60, TimeUnit.SECONDS);
        assertThat(answers).hasSize(1);
        return answers.get(0);
    }

    private static PatchEvent only(List<PatchEvent> events, String pkg) {
        List<PatchEvent> with = events.stream().filter(e -> e.changes().stream().anyMatch(c -> c.name().equals(pkg))).toList();
        assertThat(with).as("events changing " + pkg + " in " + events).hasSize(1);
        return with.get(0);
    }
}
