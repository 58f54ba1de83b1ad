package dev.upkeep.demo;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.RebootPolicy;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.manifest.ManifestDocument;
import dev.upkeep.remote.DockerWeaveProcedures;
import dev.upkeep.remote.Procedure;
import dev.upkeep.remote.WeaveUpgrade;
import dev.upkeep.ssh.SshException;
import dev.upkeep.remote.DockerUpgrade;
import dev.upkeep.remote.ProcedureResult;
import dev.upkeep.remote.RebootAndVerify;
import dev.upkeep.remote.RebootState;
import dev.upkeep.remote.SecurityUpgrade;
import dev.upkeep.ssh.Cancellation;
import dev.upkeep.ssh.SshConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
        if (connector != null) {
            connector.close();
        }
        if (fleet != null) {
            fleet.close();
        }
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
            assertThat(fleet.host("shop-worker1").automaticRebootDisabled()).as("Automatic-Reboot \"false\"").isTrue();
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
            assertThat(fleet.host("api2").dpkg().audit()).isEmpty();
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
            List<Procedure> shop = procedures("shop");
            ProcedureResult docker = shop.get(0).run(ctx);
            ProcedureResult weave = shop.get(1).run(ctx);

            assertThat(docker.success()).as(docker.message()).isTrue();
            assertThat(docker.message()).isEqualTo("Docker 20.10.24 → 24.0.7 (docker-ce 5:24.0.7-1~ubuntu.22.04~jammy)");
            assertThat(weave.success()).as(weave.message()).isTrue();
            assertThat(weave.message()).startsWith("Weave 2.6.5 → 2.8.1");
            assertThat(fleet.host("shop-web2").docker()).isEqualTo("24.0.7");
            assertThat(fleet.host("shop-web2").weave()).isEqualTo("2.8.1");
        }
    }

    /** Docker and Weave of an application as a run makes them: its manifest's versions, the workspace's settings. */
    private List<Procedure> procedures(String app) throws Exception {
        Workspace ws = new WorkspaceStore().load(fleet.workspaceFile());
        Application a = ws.applications().stream().filter(x -> x.name().equals(app)).findFirst().orElseThrow();
        ManifestDocument manifest = ManifestDocument.parse(Files.readString(ws.resolve(a.manifest())), "Manifest.yml");
        return new DockerWeaveProcedures(DockerWeaveProcedures.Options.of(true, true, false, ws.settings()))
                .forApplication(manifest, a.environment());
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
        // The job waits at the lock (3000 ticks, long after the reboot) until the reboot kills it.
        fleet.host("shop-worker1").lockHeld(3000);
        try (DemoContext ctx = DemoContext.login(connector, fleet, "shop-worker1");
             DemoContext other = DemoContext.login(connector, fleet, "shop-worker1")) {
            CompletableFuture<String> rebooted = CompletableFuture.supplyAsync(() -> {
                await().atMost(Duration.ofMinutes(1)).until(() -> ctx.steps.stream().anyMatch(s -> s.contains("s left")));
                try {
                    return other.connection().run("sh -s", RemoteResources.body("reboot-issue.sh")
                            .getBytes(StandardCharsets.UTF_8), Cancellation.none()).stdout();
                } catch (SshException e) {
                    throw new IllegalStateException(e);
                }
            });
            ProcedureResult r = new SecurityUpgrade("run-8", Duration.ofSeconds(3000), false).run(ctx);

            assertThat(rebooted.get(1, TimeUnit.MINUTES)).isEqualTo("reboot scheduled");
            assertThat(r.success()).isFalse();
            assertThat(r.message()).contains("ended without an exit status");
            assertThat(ctx.output()).contains("connection lost", "reconnected");
        }
    }

    @Test
    void everyCommandReportsItsProcessGroupAndAKillFromAnotherSessionEndsIt() throws Exception {
        SimHost host = fleet.host("shop-worker1");
        host.lockHeld(3000); // the job waits, and its follower with it
        try (DemoContext ctx = DemoContext.login(connector, fleet, "shop-worker1");
             DemoContext other = DemoContext.login(connector, fleet, "shop-worker1")) {
            CompletableFuture<ProcedureResult> upgrade = CompletableFuture.supplyAsync(() -> {
                try {
                    return new SecurityUpgrade("run-9", Duration.ofSeconds(3000), false).run(ctx);
                } catch (SshException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofMinutes(1)).until(() -> host.processes().groups().size() == 1);
            long follower = host.processes().groups().iterator().next();

            var kill = other.connection().run("kill -TERM -" + follower + " 2>/dev/null; sleep 2; kill -KILL -" + follower
                    + " 2>/dev/null; true", Cancellation.none());

            assertThat(kill.result().exitStatus()).isZero();
            assertThat(kill.stderr()).as("the report line never reaches the output").isEmpty();
            ProcedureResult r = upgrade.get(1, TimeUnit.MINUTES);
            assertThat(r.message()).startsWith("following the upgrade failed (exit " + SimCommand.KILLED + ")");
            assertThat(host.processes().groups()).doesNotContain(follower);
            assertThat(host.jobs().currentSecurity()).as("the detached job goes on").isNotNull();
            assertThat(ctx.lines).noneMatch(l -> l.contains("@@upkeep-pgid"));
        }
    }

    @Test
    void aCancelWhileDockerWaitsForAptStopsAtTheSafePointAndInstallsNothing() throws Exception {
        fleet.host("db3").lockHeld(3000);
        try (DemoContext ctx = DemoContext.login(connector, fleet, "db3")
                .cancelWhen(l -> l.contains("waiting for the apt/dpkg lock"))) {
            ProcedureResult r = new DockerUpgrade("25.0.5", false).run(ctx);

            assertThat(r.cancelled()).as(r.message() + "\n" + ctx.output()).isTrue();
            assertThat(r.message()).isEqualTo("cancelled before installing docker-ce 5:25.0.5-1~debian.12~bookworm: nothing changed");
            assertThat(ctx.lines).anyMatch(l -> l.contains("asked the docker job")).anyMatch(l -> l.contains("dpkg is never cut off"));
        }
        assertThat(fleet.host("db3").docker()).isEqualTo("24.0.7");
    }

    @Test
    void theTimeLimitEndsADockerJobAtItsSafePoint() throws Exception {
        fleet.host("db3").lockHeld(3000);
        try (DemoContext ctx = DemoContext.login(connector, fleet, "db3")) {
            ProcedureResult r = new DockerUpgrade("25.0.5", false, Duration.ofSeconds(1)).run(ctx);

            assertThat(r.success()).isFalse();
            assertThat(r.message()).isEqualTo("the time limit was reached before installing docker-ce"
                    + " 5:25.0.5-1~debian.12~bookworm: nothing changed");
        }
        assertThat(fleet.host("db3").docker()).isEqualTo("24.0.7");
    }

    @Test
    void aWeaveDownloadWithAnotherChecksumIsRefusedAndNothingChanges() throws Exception {
        try (DemoContext ctx = DemoContext.login(connector, fleet, "shop-web2")) {
            ProcedureResult r = new WeaveUpgrade("2.8.1", DemoWorkspaceText.WEAVE_URL, "0".repeat(64),
                    WeaveUpgrade.DEFAULT_LIMIT).run(ctx);

            assertThat(r.success()).isFalse();
            assertThat(r.message()).isEqualTo("the download from https://weave.upkeep-demo.invalid/v2.8.1/weave has SHA-256 "
                    + WeaveJobAnswer.sha256("2.8.1") + ", not the " + "0".repeat(64) + " expected for Weave 2.8.1; nothing changed");
        }
        assertThat(fleet.host("shop-web2").weave()).isEqualTo("2.6.5");
    }
}
