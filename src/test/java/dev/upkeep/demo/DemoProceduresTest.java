package dev.upkeep.demo;

import dev.upkeep.fleet.RebootPolicy;
import dev.upkeep.remote.DockerUpgrade;
import dev.upkeep.remote.ProcedureResult;
import dev.upkeep.remote.RebootAndVerify;
import dev.upkeep.remote.RebootState;
import dev.upkeep.remote.SecurityUpgrade;
import dev.upkeep.remote.WeaveUpgrade;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.SshConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Upkeep's real procedures (scripts, SSH, parsers) against the simulated servers: the parsers are the contract. */
class DemoProceduresTest {
    private DemoFleet fleet;
    private SshConnector connector;

    @BeforeEach
    void start() throws Exception {
        fleet = DemoFleet.start(DemoPace.instant());
        connector = DemoContext.connector(fleet);
    }

    @AfterEach
    void stop() {
        if (connector != null) connector.close();
        if (fleet != null) fleet.close();
    }

    @Test
    void securityUpgradeStreamsTheLogAndEndsWithTheUpgradedPackages() throws Exception {
        try (DemoContext ctx = DemoContext.login(connector, fleet, "api1")) {
            ProcedureResult r = new SecurityUpgrade("run-1", Duration.ofSeconds(300), false).run(ctx);

            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.upgraded()).containsExactly("libssl3 3.0.2-0ubuntu1.15", "openssl 3.0.2-0ubuntu1.15");
            assertThat(r.rebootRequired()).isFalse();
            assertThat(ctx.lines).contains("out: Unpacking libssl3:amd64 (3.0.2-0ubuntu1.15) over (3.0.2-0ubuntu1.12) ...",
                    "out: Setting up openssl (3.0.2-0ubuntu1.15) ...", "out: All upgrades installed");
            assertThat(ctx.steps).anyMatch(s -> s.startsWith("UPGRADING: unattended-upgrade"));
            assertThat(StatusAnswer.lines(fleet.host("api1"), java.time.Instant.now())).doesNotContain("@@apt\nInst");
            assertThat(fleet.host("api1").visiblePending()).isEmpty();
        }
    }

    @Test
    void aKernelUpdateLeavesARebootRequiredAndSwitchesOnDailyUpgrades() throws Exception {
        try (DemoContext ctx = DemoContext.login(connector, fleet, "shop-worker1")) {
            ProcedureResult r = new SecurityUpgrade("run-2", Duration.ofSeconds(300), false).run(ctx);

            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.rebootRequired()).isTrue();
            assertThat(r.rebootPackages()).containsExactly("linux-image-5.15.0-107-generic", "libc6");
            assertThat(ctx.steps).contains("UPGRADING: installing unattended-upgrades");
            assertThat(ctx.output()).contains("update-initramfs: Generating /boot/initrd.img-5.15.0-107-generic");
            assertThat(fleet.host("shop-worker1").unattendedDaily()).isTrue();
            assertThat(fleet.host("shop-worker1").newestKernel()).isEqualTo("5.15.0-107-generic");
        }
    }

    @Test
    void theFailingServerFailsWithTheDpkgErrorAndIsRepairedOnRequest() throws Exception {
        try (DemoContext ctx = DemoContext.login(connector, fleet, "api2")) {
            ProcedureResult failed = new SecurityUpgrade("run-3", Duration.ofSeconds(300), false).run(ctx);

            assertThat(failed.success()).isFalse();
            assertThat(failed.message()).contains("dpkg was interrupted", "libssl3:amd64", "openssl");
            assertThat(ctx.lines).contains("out: dpkg: error processing package libssl3:amd64 (--configure):",
                    "out:  installed libssl3:amd64 package post-installation script subprocess returned error exit status 1");

            ProcedureResult refused = new SecurityUpgrade("run-4", Duration.ofSeconds(300), false).run(ctx);
            assertThat(refused.success()).isFalse();
            assertThat(refused.message()).contains("dpkg was interrupted", "--repair-dpkg");

            ProcedureResult repaired = new SecurityUpgrade("run-5", Duration.ofSeconds(300), true).run(ctx);
            assertThat(repaired.success()).as(repaired.message()).isTrue();
            assertThat(fleet.host("api2").audit()).isEmpty();
        }
    }

    @Test
    void aHeldDpkgLockIsWaitedForWithACountdown() throws Exception {
        try (DemoContext ctx = DemoContext.login(connector, fleet, "db3")) {
            ProcedureResult r = new SecurityUpgrade("run-6", Duration.ofSeconds(300), false).run(ctx);

            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(ctx.steps).contains("WAITING_FOR_LOCK: 300 s left (/var/lib/dpkg/lock-frontend held by 1873(unattended-upgr))");
        }
    }

    @Test
    void aLockHeldLongerThanTheWaitFailsWithoutUpgrading() throws Exception {
        try (DemoContext ctx = DemoContext.login(connector, fleet, "db3")) {
            ProcedureResult r = new SecurityUpgrade("run-7", Duration.ofSeconds(2), false).run(ctx);

            assertThat(r.success()).isFalse();
            assertThat(r.message()).contains("lock stayed held");
            assertThat(fleet.host("db3").visiblePending()).hasSize(1);
        }
    }

    @Test
    void rebootChangesTheBootIdRunsTheNewKernelAndClearsRebootRequired() throws Exception {
        try (DemoContext ctx = DemoContext.login(connector, fleet, "db1")) {
            RebootState before = RebootState.read(ctx.connection(), Cancellation.none());
            assertThat(before.rebootRequired()).isTrue();

            ProcedureResult r = new RebootAndVerify(true, RebootPolicy.DEFAULTS.withTimeoutSeconds(60)).run(ctx);

            assertThat(r.success()).as(r.message()).isTrue();
            assertThat(r.message()).contains("boot id changed");
            assertThat(r.rebootRequired()).isFalse();
            RebootState after = RebootState.read(ctx.connection(), Cancellation.none());
            assertThat(after.bootId()).isNotEqualTo(before.bootId());
            assertThat(after.rebootRequired()).isFalse();
            assertThat(fleet.host("db1").runningKernel()).isEqualTo("6.1.0-20-amd64");
            assertThat(ctx.output()).contains("waiting for boot (connection refused, retrying)");
        }
    }

    @Test
    void dockerAndWeaveUpgradesReachTheManifestVersions() throws Exception {
        try (DemoContext ctx = DemoContext.login(connector, fleet, "shop-web2")) {
            ProcedureResult docker = new DockerUpgrade("24.0.7", false).run(ctx);
            ProcedureResult weave = new WeaveUpgrade("2.8.1", DemoWorkspaceText.WEAVE_URL).run(ctx);

            assertThat(docker.success()).as(docker.message()).isTrue();
            assertThat(docker.message()).isEqualTo("Docker 20.10.24 → 24.0.7 (docker-ce 5:24.0.7-1~ubuntu.22.04~jammy)");
            assertThat(weave.success()).as(weave.message()).isTrue();
            assertThat(weave.message()).startsWith("Weave 2.6.5 → 2.8.1");
            assertThat(fleet.host("shop-web2").docker()).isEqualTo("24.0.7");
            assertThat(fleet.host("shop-web2").weave()).isEqualTo("2.8.1");
        }
    }

    @Test
    void aDockerDowngradeIsRefusedAndAnUnknownVersionInstallsNothing() throws Exception {
        try (DemoContext ctx = DemoContext.login(connector, fleet, "shop-web3")) {
            ProcedureResult down = new DockerUpgrade("23.0.6", false).run(ctx);
            ProcedureResult missing = new DockerUpgrade("26.1.0", false).run(ctx);

            assertThat(down.success()).isFalse();
            assertThat(down.message()).contains("refusing to downgrade");
            assertThat(missing.success()).isFalse();
            assertThat(missing.message()).contains("not offered", "25.0.5, 24.0.9, 24.0.7");
            assertThat(fleet.host("shop-web3").docker()).isEqualTo("24.0.7");
        }
    }

    @Test
    void anUnknownCommandIsNotFoundAtOnce() throws Exception {
        try (DemoContext ctx = DemoContext.login(connector, fleet, "api3")) {
            var out = ctx.connection().run("uname -a", Cancellation.none());

            assertThat(out.result().exitStatus()).isEqualTo(127);
            assertThat(out.stderr()).isEqualTo("sh: 1: uname: not found");
        }
    }

    @Test
    void aFloodOfInputIsRefusedInsteadOfHeld() throws Exception {
        try (DemoContext ctx = DemoContext.login(connector, fleet, "api3")) {
            byte[] flood = "echo x\n".repeat(300_000).getBytes(StandardCharsets.UTF_8);
            var out = ctx.connection().run("sh -s", flood, Cancellation.none());

            assertThat(out.result().exitStatus()).isEqualTo(2);
            assertThat(out.stderr()).contains("input too large");
        }
    }

    @Test
    void aRebootInTheMiddleOfAnUpgradeKillsTheJobAndTheFollowerSaysSo() throws Exception {
        fleet.host("shop-worker1").lockHeld(1000); // the job waits at the lock until the reboot kills it
        try (DemoContext ctx = DemoContext.login(connector, fleet, "shop-worker1");
             DemoContext other = DemoContext.login(connector, fleet, "shop-worker1")) {
            Thread rebooter = new Thread(() -> {
                org.awaitility.Awaitility.await().until(() -> ctx.steps.stream().anyMatch(s -> s.contains("s left")));
                try {
                    other.connection().run("sh -s", dev.upkeep.demo.RemoteResources.body("reboot-issue.sh")
                            .getBytes(StandardCharsets.UTF_8), Cancellation.none());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            rebooter.start();
            ProcedureResult r = new SecurityUpgrade("run-8", Duration.ofSeconds(3000), false).run(ctx);
            rebooter.join();

            assertThat(r.success()).isFalse();
            assertThat(r.message()).contains("ended without an exit status");
            assertThat(ctx.output()).contains("connection lost", "reconnected");
        }
    }
}
