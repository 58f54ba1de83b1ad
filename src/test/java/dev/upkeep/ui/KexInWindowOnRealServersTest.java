package dev.upkeep.ui;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.ui.fleet.ServerRow;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The window shows each server's negotiated key exchange, and flags one reached without a post-quantum key
 * exchange (a Debian 13 server whose sshd is limited to curve25519-sha256) in its row and its detail pane.
 */
class KexInWindowOnRealServersTest {
    private static TestFleet fleet;
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private SshStatusService service;
    private UpkeepApp app;
    private TableView<ServerRow> table;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable(DebianRelease.DEBIAN_13);
        fleet = TestFleet.start(FleetOptions.servers(2).release(DebianRelease.DEBIAN_13));
        fleet.server(1).sshdOptions("KexAlgorithms curve25519-sha256");
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theDetailPaneShowsTheKeyExchangeAndWarnsWhenItIsNotPostQuantum() throws Exception {
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers());
        new WorkspaceStore().save(ws);
        service = new SshStatusService();
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(new AppServices(ws.file(), new WorkspaceStore(), service, null)));
        table = robot.lookup("#server-table").queryTableView();
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> row("srv01").state().reachable()
                && row("srv02").state().reachable()));

        assertThat(fx(() -> cellTexts())).contains("reachable · no PQ").contains("reachable");

        robot.interact(() -> table.getSelectionModel().select(row("srv02")));
        assertThat(fx(() -> detailTexts())).contains("Key exchange", "curve25519-sha256 (not post-quantum)");
        assertThat(fx(() -> robot.lookup("#detail-kex-alert").queryLabeled().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#detail-kex-alert").queryLabeled().getText()))
                .contains("key exchange curve25519-sha256 is not post-quantum");

        robot.interact(() -> table.getSelectionModel().select(row("srv01")));
        assertThat(fx(() -> detailTexts())).contains("mlkem768x25519-sha256 (post-quantum)");
        assertThat(fx(() -> robot.lookup("#detail-kex-alert").queryLabeled().isVisible())).isFalse();
    }

    private List<String> detailTexts() {
        return robot.lookup("#server-detail").queryParent().getChildrenUnmodifiable().stream()
                .flatMap(n -> n instanceof javafx.scene.Parent p ? java.util.stream.Stream.concat(java.util.stream.Stream.of(n),
                        p.getChildrenUnmodifiable().stream()) : java.util.stream.Stream.of(n))
                .filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText()).toList();
    }

    private List<String> cellTexts() {
        return robot.lookup("#server-table .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).toList();
    }

    private ServerRow row(String server) {
        return table.getItems().stream().filter(r -> r.ref().server().equals(server)).findFirst().orElseThrow();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
