package dev.upkeep.ui.deploy;

import dev.upkeep.files.TinyDisk;
import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.manifest.Drift;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.RunStep;
import dev.upkeep.run.ServerRef;
import dev.upkeep.ui.history.HistoryViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Deploy dialog's model through a whole run on stand-in procedures, then the run in the history. */
class DeploymentsTest {
    private static final ServerRef WEB1 = new ServerRef("shop", "web1");
    private static final ServerRef WEB2 = new ServerRef("shop", "web2");

    @TempDir
    Path dir;
    private final ManualUiExecutor ui = new ManualUiExecutor();
    private final FakeRuns fake = new FakeRuns(300, 0, Set.of("web2"));
    private final List<List<ServerRef>> refreshed = new CopyOnWriteArrayList<>();

    private Deployments deployments() {
        Workspace ws = new Workspace(dir.resolve("workspace.yml"), null, List.of(new Application("shop", "production", null, null,
                List.of(server("web1"), server("web2"), server("web3")))));
        Drift.ServerDrift drift = Drift.of("web1", "25.0.1", "2.8.1", "24.0.7", "2.8.1");
        return new Deployments(fake.services(dir.resolve("state")), () -> ws, r -> r.equals(WEB1) ? drift : null,
                (t, q) -> null, ui, refreshed::add);
    }

    private static Server server(String name) {
        return new Server(name, "10.0.0." + name.length(), null, "root", null, false, List.of("web"));
    }

    @Test
    void theDialogBuildsTheOptionsTheUserChose() {
        DeployViewModel vm = deployments().dialog(List.of(WEB1, WEB2));
        assertThat(vm.cannotCheckProperty().get()).isFalse();
        vm.securityProperty().set(false);
        assertThat(vm.cannotCheckProperty().get()).as("nothing to apply").isTrue();
        vm.dockerProperty().set(true);
        vm.strategyProperty().set(RunOptions.Strategy.SERIAL);
        vm.maxFailuresProperty().set(2);
        vm.servers().get(1).selectedProperty().set(false);
        RunOptions o = vm.options();
        assertThat(o.docker()).isTrue();
        assertThat(o.security()).isFalse();
        assertThat(o.strategy()).isEqualTo(RunOptions.Strategy.SERIAL);
        assertThat(o.maxFailures()).isEqualTo(2);
        assertThat(vm.chosen()).containsExactly(WEB1);
        assertThat(vm.servers().get(0).docker()).isEqualTo("24.0.7 → 25.0.1");
        assertThat(vm.servers().get(0).weave()).isEqualTo("2.8.1 (as wanted)");
        vm.servers().get(0).selectedProperty().set(false);
        assertThat(vm.cannotCheckProperty().get()).as("no server").isTrue();
    }

    @Test
    void preflightListsWhatWouldChangeAndAnyChangeMakesItStale() {
        DeployViewModel vm = deployments().dialog(List.of(WEB1, WEB2));
        vm.dockerProperty().set(true);
        vm.check();
        PreflightReport report = vm.reportProperty().get();
        assertThat(report).isNotNull();
        assertThat(fake.simulations).hasValue(2);
        assertThat(report.headline()).isEqualTo("security upgrades + Docker upgrade on 2 server(s), 10 at a time");
        assertThat(report.servers().get(0).lines()).containsExactly("Security: 2 package(s) would be upgraded",
                "    openssl 3.0.13-1~deb12u2", "    libssl3 3.0.13-1~deb12u2", "Docker: 24.0.7 → 25.0.1");
        assertThat(report.servers().get(1).lines()).contains("Docker: no change known");

        vm.strategyProperty().set(RunOptions.Strategy.SERIAL);
        assertThat(vm.reportProperty().get()).as("stale after a change").isNull();
        assertThat(vm.confirm()).isNull();
        vm.dispose();
    }

    @Test
    void aRunWhoseHistoryDidNotFitSaysSoInTheStatusBar() throws Exception {
        try (TinyDisk disk = TinyDisk.mount(dir.resolve("disk"))) {
            Deployments deployments = new Deployments(fake.services(disk.root().resolve("state")), () -> new Workspace(
                    dir.resolve("workspace.yml"), null, List.of(new Application("shop", "production", null, null,
                    List.of(server("web1"), server("web2"))))), r -> null, (t, q) -> null, ui, refreshed::add);
            disk.fill(8192); // the first summary fits; the servers' logs do not
            DeployViewModel vm = deployments.dialog(List.of(WEB1, WEB2));
            vm.check();

            RunViewModel run = deployments.start(vm.confirm());
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                ui.runPending();
                return !run.runningProperty().get();
            });

            assertThat(deployments.messageProperty().get()).startsWith("Run finished: 1 done, 1 failed")
                    .contains("the run's history is incomplete: disk full");
        }
    }

    @Test
    void aConfirmedRunStreamsIntoThePanesRefreshesTheServersThatRanAndLandsInTheHistory() {
        Deployments deployments = deployments();
        DeployViewModel vm = deployments.dialog(List.of(WEB1, WEB2));
        vm.check();
        RunViewModel run = deployments.start(vm.confirm());
        assertThat(deployments.runningProperty().get()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            ui.runPending();
            return !run.runningProperty().get();
        });

        assertThat(run.rows().get(0).stepProperty().get()).isEqualTo(RunStep.DONE);
        assertThat(run.rows().get(1).stepProperty().get()).isEqualTo(RunStep.FAILED);
        assertThat(run.pane(WEB1).lines()).extracting(l -> l.text()).contains("Unpacking libdemo3 (1.3) over (1.2) … line 3");
        assertThat(run.pane(WEB2).lines()).anyMatch(l -> l.error() && l.text().startsWith("E: Sub-process"));
        assertThat(run.batches()).as("lines arrive in batches, not one by one").isLessThan(300);
        assertThat(run.pane(WEB1).sourceProperty().get()).contains(run.plan().id()).endsWith(".log");
        assertThat(refreshed).containsExactly(List.of(WEB1, WEB2));
        assertThat(deployments.runningProperty().get()).isFalse();
        assertThat(deployments.messageProperty().get()).isEqualTo("Run finished: 1 done, 1 failed");

        HistoryViewModel history = new HistoryViewModel(deployments.services().history(), ui, 1000);
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            history.reload();
            ui.runPending();
            return !history.runs().isEmpty() && history.runs().get(0).finished() != null;
        });
        assertThat(history.runs().get(0).id()).isEqualTo(run.plan().id());
        assertThat(history.results()).extracting(r -> r.outcome()).containsExactly(RunStep.DONE, RunStep.FAILED);
        assertThat(history.log().lines()).anyMatch(l -> l.text().endsWith("Unpacking libdemo3 (1.3) over (1.2) … line 3"));
        history.selectedServerProperty().set(WEB2);
        assertThat(history.log().lines()).anyMatch(l -> l.error() && l.text().contains("E: Sub-process"));
        assertThat(history.log().lines().get(history.log().lines().size() - 1).text()).contains("failed in");
        assertThat(HistoryViewModel.describe(history.runs().get(0))).contains("security, parallel 10").contains("1 not done");
    }
}
