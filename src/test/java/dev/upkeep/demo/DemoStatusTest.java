package dev.upkeep.demo;

import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.run.UnknownHostKey;
import dev.upkeep.run.StatusListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Upkeep's real status refresh (SSH, host keys, status.sh, StatusProbe) against the demo fleet. */
class DemoStatusTest {
    private static DemoFleet fleet;
    private static SshStatusService status;
    private static Workspace ws;
    private static final List<UnknownHostKey> unknown = new CopyOnWriteArrayList<>();
    private static Map<String, ServerStatus> byName;

    @BeforeAll
    static void refreshTheWholeDemoFleet() throws Exception {
        fleet = DemoFleet.start(DemoPace.instant());
        status = new SshStatusService();
        ws = new WorkspaceStore().load(fleet.workspaceFile());
        List<ServerStatus> all = status.refresh(ws, ServerRef.all(ws), false, new StatusListener() {
            @Override
            public void finished(ServerRef server, ServerStatus s) {
            }

            @Override
            public void hostKeyUnknown(UnknownHostKey key) {
                unknown.add(key);
            }
        }).completion().get(60, TimeUnit.SECONDS);
        byName = all.stream().collect(Collectors.toMap(ServerStatus::server, Function.identity()));
    }

    @AfterAll
    static void stop() {
        if (status != null) {
            status.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void theWorkspaceNamesThirteenServersInThreeApplications() {
        assertThat(ws.applications()).extracting(a -> a.name()).containsExactly("shop", "api", "db");
        assertThat(byName).hasSize(13);
    }

    @Test
    void aServerThatNeedsARebootSaysSinceWhenAndForWhichPackages() {
        ServerStatus web1 = byName.get("shop-web1");
        assertThat(web1.reachable()).as(String.valueOf(web1.error())).isTrue();
        assertThat(web1.rebootRequired()).isTrue();
        assertThat(web1.rebootPackages()).containsExactly("linux-image-5.15.0-105-generic");
        assertThat(web1.rebootRequiredSince()).isBefore(Instant.now().minus(Duration.ofDays(3)));
        assertThat(web1.kernel()).isEqualTo("5.15.0-101-generic");
        assertThat(web1.installedKernel()).isEqualTo("5.15.0-105-generic");
        assertThat(web1.os()).isEqualTo("Ubuntu 22.04.4 LTS");
    }

    @Test
    void pendingSecurityAndOtherUpdatesAreCountedApart() {
        ServerStatus web2 = byName.get("shop-web2");
        assertThat(web2.securityUpdates()).isEqualTo(4);
        assertThat(web2.otherUpdates()).isEqualTo(1);
        assertThat(web2.rebootRequired()).isFalse();
    }

    @Test
    void oldDockerAndWeaveAreReportedAsTheServerRunsThem() {
        assertThat(byName.get("shop-web2").dockerVersion()).isEqualTo("20.10.24");
        assertThat(byName.get("shop-web2").weaveVersion()).isEqualTo("2.6.5");
        assertThat(byName.get("shop-worker2").dockerVersion()).isEqualTo("23.0.6");
        assertThat(byName.get("shop-web3").dockerVersion()).isEqualTo("24.0.7");
    }

    @Test
    void staleListsShowAnOldUpdateTimeAndHideWhatTheyDoNotKnow() {
        ServerStatus worker2 = byName.get("shop-worker2");
        assertThat(worker2.packageListsUpdated()).isBefore(Instant.now().minus(Duration.ofDays(8)));
        assertThat(worker2.securityUpdates()).isZero();
        assertThat(worker2.unattendedUpgrades()).isFalse();
    }

    @Test
    void unattendedUpgradesOffWhereItIsNotInstalled() {
        assertThat(byName.get("shop-worker1").unattendedUpgrades()).isFalse();
        assertThat(byName.get("shop-web1").unattendedUpgrades()).isTrue();
    }

    @Test
    void theUnreachableServerRefusesTheConnection() {
        ServerStatus api4 = byName.get("api4");
        assertThat(api4.reachable()).isFalse();
        assertThat(api4.error()).containsIgnoringCase("refused");
    }

    @Test
    void theServerWithANewHostKeyIsReportedAsUnknownWithItsFingerprint() {
        assertThat(byName.get("shop-worker3").reachable()).isFalse();
        assertThat(unknown).singleElement().satisfies(k -> {
            assertThat(k.server().server()).isEqualTo("shop-worker3");
            assertThat(k.fingerprint()).startsWith("SHA256:");
        });
    }

    @Test
    void everyOtherServerAnswersWithItsOwnBootId() {
        List<ServerStatus> up = byName.values().stream().filter(ServerStatus::reachable).toList();
        assertThat(up).hasSize(11);
        assertThat(up.stream().map(ServerStatus::bootId).distinct()).hasSize(11);
        assertThat(byName.get("db1").os()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(byName.get("db1").rebootRequired()).isTrue();
    }
}
