package dev.upkeep.ui;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.SshStatusService;
import dev.upkeep.testfleet.DebPackage;
import dev.upkeep.testfleet.DebianRelease;
import dev.upkeep.testfleet.FleetOptions;
import dev.upkeep.testfleet.TestFleet;
import dev.upkeep.testfleet.TestServer;
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
 * The window shows every OS the same way: its name in the OS column, and in the details its support state (with ESM
 * on Ubuntu) and, where Ubuntu's phasing holds updates back, a "Phased updates" row. One server of each OS.
 */
class OsInWindowOnRealServersTest {
    private static TestFleet fleet;
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private SshStatusService service;
    private UpkeepApp app;
    private TableView<ServerRow> table;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable(DebianRelease.values());
        fleet = TestFleet.start(FleetOptions.onePerOs());
        TestServer noble = fleet.server(DebianRelease.UBUNTU_24_04.ordinal());
        noble.install(DebPackage.of("upkeep-phased-demo", "1.0"));
        fleet.repo().publish("noble-updates", DebPackage.of("upkeep-phased-demo", "1.1").phased(0));
        fleet.servers().forEach(server -> server.run("apt-get -q update"));
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
    void eachServersOsIsInItsRowAndItsSupportAndPhasedUpdatesInItsDetails() throws Exception {
        Workspace ws = FleetWorkspaces.of(fleet, dir, fleet.knownHosts(), fleet.servers());
        new WorkspaceStore().save(ws);
        service = new SshStatusService();
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(new AppServices(ws.file(), new WorkspaceStore(), service, null)));
        table = robot.lookup("#server-table").queryTableView();
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> fleet.servers().stream()
                .allMatch(s -> row(s.name()).state().reachable())));

        // The rows' state is set before the table has drawn their cells: wait for the cells, not a pause.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fx(this::cellTexts)).contains(
                "Debian GNU/Linux 12 (bookworm)", "Debian GNU/Linux 13 (trixie)", "Ubuntu 22.04 LTS", "Ubuntu 24.04 LTS"));

        select(DebianRelease.UBUNTU_22_04);
        assertThat(fx(this::detailTexts)).contains("Support",
                "Ubuntu 22.04 LTS (jammy): standard support until 2027-06-01; ESM enabled").doesNotContain("Phased updates");
        select(DebianRelease.UBUNTU_24_04);
        assertThat(fx(this::detailTexts)).contains("Phased updates",
                "1 held back by Ubuntu's staged roll-out (not pending here yet)");
        select(DebianRelease.DEBIAN_13);
        assertThat(fx(this::detailTexts)).contains("Debian 13 (trixie): standard support until 2028-08-09");
        select(DebianRelease.DEBIAN_12);
        assertThat(fx(this::detailTexts)).anyMatch(t -> t.startsWith("Debian 12 (bookworm): "));
    }

    private void select(DebianRelease os) {
        robot.interact(() -> table.getSelectionModel().select(row(fleet.server(os.ordinal()).name())));
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
