package dev.upkeep.ui.deploy;

import dev.upkeep.fleet.Application;
import dev.upkeep.fleet.Server;
import dev.upkeep.fleet.ServerStatus;
import dev.upkeep.fleet.Workspace;
import dev.upkeep.run.RunOptions;
import dev.upkeep.run.ServerRef;
import dev.upkeep.run.Share;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Deploy dialog's reboot and strategy fields, and the one-click "Upgrade and reboot if required" preset. */
class DeployViewModelTest {
    private static final ServerRef WEB1 = new ServerRef("shop", "web1");
    private static final ServerRef WEB2 = new ServerRef("shop", "web2");

    @TempDir
    Path dir;
    private final ManualUiExecutor ui = new ManualUiExecutor();
    private final FakeRuns fake = new FakeRuns(10, 0, Set.of());

    private DeployViewModel dialog(Map<ServerRef, ServerStatus> lastKnown) {
        Workspace ws = new Workspace(dir.resolve("workspace.yml"), null, List.of(new Application("shop", "production", null, null,
                List.of(server("web1"), server("web2")))));
        Deployments d = new Deployments(fake.services(dir.resolve("state")), () -> ws, r -> null, (t, q) -> null, ui, r -> {
        }, lastKnown::get);
        return d.dialog(List.of(WEB1, WEB2));
    }

    private static Server server(String name) {
        return new Server(name, "10.0.0." + name.length(), null, "root", null, false, List.of("web"));
    }

    private static ServerStatus status(String server, boolean rebootRequired) {
        return new ServerStatus("shop", server, true, null, "Debian 12", "6.1.0-1", "6.1.0-1", "boot-" + server, 100L,
                rebootRequired, rebootRequired ? List.of("linux-image-amd64") : List.of(), null, 0, 0, null, true, null, null,
                Instant.EPOCH);
    }

    @Test
    void theOneClickPresetIsSecurityUpgradesThenRebootWhereRequiredRollingOneAtATime() {
        DeployViewModel vm = dialog(Map.of());
        vm.dockerProperty().set(true);
        vm.presetUpgradeAndReboot();
        RunOptions o = vm.options();
        assertThat(o.security()).isTrue();
        assertThat(o.docker()).isFalse();
        assertThat(o.weave()).isFalse();
        assertThat(o.reboot()).isEqualTo(RunOptions.Reboot.IF_REQUIRED);
        assertThat(o.strategy()).isEqualTo(RunOptions.Strategy.ROLLING);
        assertThat(o.batch()).isEqualTo(Share.count(1));
        assertThat(o.failuresAllowed(2)).as("rolling stops at the first failure").isEqualTo(1);
        assertThat(o.keepOneUp()).isTrue();
        assertThat(vm.strategyProperty().get()).isNotEqualTo(RunOptions.Strategy.SERIAL);
        assertThat(vm.chosen()).containsExactly(WEB1, WEB2);
    }

    @Test
    void theStrategyFieldsMakeTheOptions() {
        DeployViewModel vm = dialog(Map.of());
        assertThat(vm.options().reboot()).as("no reboot unless ticked").isEqualTo(RunOptions.Reboot.NONE);
        assertThat(vm.options().strategy()).isEqualTo(RunOptions.Strategy.PARALLEL);
        vm.strategyProperty().set(RunOptions.Strategy.ROLLING);
        vm.batchSizeProperty().set(3);
        vm.maxFailuresProperty().set(2);
        RunOptions o = vm.options();
        assertThat(o.batch()).isEqualTo(Share.count(3));
        assertThat(o.maxFailures()).isEqualTo(2);
        assertThat(o.failuresAllowed(6)).isEqualTo(2);
        vm.strategyProperty().set(RunOptions.Strategy.SERIAL);
        assertThat(vm.options().strategy()).isEqualTo(RunOptions.Strategy.SERIAL);
        assertThat(vm.options().batch()).as("a batch size only for rolling").isNull();
        vm.securityProperty().set(false);
        vm.rebootProperty().set(true);
        assertThat(vm.cannotCheckProperty().get()).as("a reboot alone is something to do").isFalse();
    }

    @Test
    void withRebootThePreflightShowsTheRolloutAsOfTheLastRefresh() {
        DeployViewModel vm = dialog(Map.of(WEB1, status("web1", true), WEB2, status("web2", false)));
        vm.presetUpgradeAndReboot();
        vm.check();
        PreflightReport report = vm.reportProperty().get();
        assertThat(report).isNotNull();
        assertThat(report.headline()).isEqualTo("security upgrades, then reboot only where required on 2 server(s), "
                + "rolling in batches of 1, stopping after 1 failure(s)");
        assertThat(report.rollout())
                .contains("batch 1 of 2").contains("batch 2 of 2")
                .contains("shop/web1: reboot required now (linux-image-amd64)")
                .contains("shop/web2: no reboot required now")
                .contains("shop: health check");
        assertThat(report.asText()).contains(PreflightReport.AS_OF);
        assertThat(report.plan().options().reboot()).isEqualTo(RunOptions.Reboot.IF_REQUIRED);
        vm.dispose();
    }

    @Test
    void keepOneUpSplitsABatchThatWouldTakeTheWholeApplicationDown() {
        DeployViewModel vm = dialog(Map.of());
        vm.presetUpgradeAndReboot();
        vm.batchSizeProperty().set(2);
        vm.check();
        PreflightReport report = vm.reportProperty().get();
        assertThat(report.plan().batches()).hasSize(2);
        assertThat(report.rollout()).contains("keep one up:").contains("shop/web1: not probed");
        vm.dispose();
    }

    @Test
    void withoutRebootThereIsNoRollout() {
        DeployViewModel vm = dialog(Map.of());
        vm.check();
        assertThat(vm.reportProperty().get().rollout()).isNull();
        assertThat(vm.reportProperty().get().headline()).isEqualTo("security upgrades on 2 server(s), 10 at a time");
        vm.dispose();
    }
}
