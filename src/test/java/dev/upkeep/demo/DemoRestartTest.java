package dev.upkeep.demo;

import dev.upkeep.fleet.RestartNeeds;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.remote.ProcedureResult;
import dev.upkeep.remote.RestartServices;
import dev.upkeep.remote.SecurityUpgrade;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.run.StatusListener;
import dev.upkeep.ssh.SshConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** "Services to restart" and Restart services… on the demo: Upkeep's real restart check and restart procedure. */
class DemoRestartTest {
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
    void aServerPatchedAfterItsLastBootListsTheServicesStillUsingTheOldLibssl() throws Exception {
        RestartNeeds needs = restartNeeds("shop", "shop-web3");

        assertThat(needs.looked()).as(needs.cannotLook()).isTrue();
        assertThat(needs.services()).extracting(RestartNeeds.Service::name).containsExactly("nginx.service", "ssh.service");
        assertThat(needs.restartable()).extracting(RestartNeeds.Service::name).containsExactly("nginx.service");
        assertThat(needs.processes()).anySatisfy(p -> {
            assertThat(p.command()).isEqualTo("nginx");
            assertThat(p.files()).contains("/usr/lib/x86_64-linux-gnu/libssl.so.3");
        });
        assertThat(needs.kernel().state()).isEqualTo(RestartNeeds.Kernel.State.CURRENT);
    }

    @Test
    void aServerNotPatchedSinceItsBootHasNothingToRestartAndAPendingKernelIsSeen() throws Exception {
        assertThat(restartNeeds("api", "api3").services()).isEmpty();
        RestartNeeds db1 = restartNeeds("db", "db1");
        assertThat(db1.services()).isEmpty();
        assertThat(db1.kernel().state()).isEqualTo(RestartNeeds.Kernel.State.VERSION_UPGRADE);
        assertThat(db1.kernel().newestInstalled()).isEqualTo("6.1.0-20-amd64");
    }

    @Test
    void aDemoLibsslUpgradeLeavesServicesToRestartAndRestartingClearsThem() throws Exception {
        assertThat(restartNeeds("api", "api1").services()).isEmpty();
        try (DemoContext ctx = DemoContext.login(connector, fleet, "api1")) {
            ProcedureResult upgrade = new SecurityUpgrade("run-r1", Duration.ofSeconds(300), false).run(ctx);
            assertThat(upgrade.success()).as(upgrade.message()).isTrue();
        }
        assertThat(restartNeeds("api", "api1").services()).extracting(RestartNeeds.Service::name)
                .containsExactly("nginx.service", "ssh.service");

        ProcedureResult restart;
        try (DemoContext ctx = DemoContext.login(connector, fleet, "api1")) {
            restart = new RestartServices(Set.of("nginx.service", "ssh.service"), false).run(ctx);
            assertThat(ctx.lines).contains("out: upkeep: systemctl restart -- nginx.service");
        }

        assertThat(restart.success()).as(restart.message()).isTrue();
        assertThat(restart.message()).contains("restarted nginx.service", "ssh.service not restarted");
        assertThat(restartNeeds("api", "api1").services()).extracting(RestartNeeds.Service::name)
                .containsExactly("ssh.service");
    }

    @Test
    void aRebootRestartsEverything() throws Exception {
        SimHost web1 = fleet.host("shop-web1");
        web1.services().replaced("libssl3");
        assertThat(web1.services().stale()).containsOnlyKeys("nginx.service", "ssh.service");

        web1.boot(java.time.Instant.now());

        assertThat(web1.services().stale()).isEmpty();
    }

    private static RestartNeeds restartNeeds(String app, String server) throws Exception {
        List<ServerStatus> all = status.refresh(ws, List.of(new ServerRef(app, server)), false, new StatusListener() {
            @Override
            public void finished(ServerRef ref, ServerStatus s) {
            }
        }).completion().get(60, TimeUnit.SECONDS);
        assertThat(all).hasSize(1);
        assertThat(all.get(0).restartNeeds()).as(String.valueOf(all.get(0).error())).isNotNull();
        return all.get(0).restartNeeds();
    }
}
