package dev.upkeep.ui;

import dev.upkeep.fleet.Workspace;
import dev.upkeep.fleet.WorkspaceStore;
import dev.upkeep.run.FleetWorkspaces;
import dev.upkeep.run.SshStatusService;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real window, the real SSH status service and real Debian servers of the test fleet. */
class FleetWindowOnRealServersTest {
    private static TestFleet fleet;
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private SshStatusService service;
    private UpkeepApp app;
    private TableView<ServerRow> table;

    @BeforeAll
    static void startFleet() {
        TestFleet.assumeAvailable();
        fleet = TestFleet.start(3);
        fleet.server(0).requireReboot("linux-image-demo");
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
    void openingTheWindowShowsWhichServerNeedsARebootAndAsksToTrustTheUnknownKey() throws Exception {
        TestServer unknown = fleet.server(2);
        Path knownHosts = dir.resolve("known_hosts");
        Files.write(knownHosts, Files.readAllLines(fleet.knownHosts()).stream()
                .filter(l -> !l.startsWith("[127.0.0.1]:" + unknown.port() + " ")).toList());
        Workspace ws = FleetWorkspaces.of(fleet, dir, knownHosts, fleet.servers());
        new WorkspaceStore().save(ws);
        service = new SshStatusService();
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(new AppServices(ws.file(), new WorkspaceStore(), service, null)));
        table = robot.lookup("#server-table").queryTableView();

        // The first load refreshes by itself; the unknown key is then offered for review.
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> robot.lookup("#trust-table").tryQuery().isPresent()));
        assertThat(fx(() -> row("srv01").state().rebootRequired())).isTrue();
        assertThat(fx(() -> row("srv02").state().rebootRequired())).isFalse();
        assertThat(fx(() -> row("srv03").state().reachable())).isFalse();
        assertThat(fx(() -> robot.lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .anyMatch(c -> c.getText() != null && c.getText().contains(unknown.hostKeyFingerprint("ed25519")))))
                .as("the dialog shows the server's SHA256 fingerprint").isTrue();

        robot.clickOn("#trust-select-all");
        robot.clickOn("Trust selected");
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> row("srv03").state().reachable()));
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + unknown.port() + " ssh-ed25519");
        assertThat(fx(() -> robot.lookup("#count-reboot").queryLabeled().getText())).isEqualTo("1 need reboot");
        assertThat(fx(() -> robot.lookup("#count-reachable").queryLabeled().getText())).isEqualTo("3 reachable");
    }

    /**
     * known_hosts knows srv02 only by an ECDSA P-384 key, which it does not have: what it offers now is a possible
     * substitution, shown apart with both fingerprints and trusted only by its own button and a typed "yes".
     */
    @Test
    void aPossibleSubstitutionIsShownApartAndNeedsItsOwnTypedConfirmation() throws Exception {
        TestServer suspect = fleet.server(1);
        Path knownHosts = dir.resolve("known_hosts");
        Path oldKey = dir.resolve("old_key");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-b", "384", "-N", "", "-f", oldKey.toString()).start().waitFor();
        String[] pub = Files.readString(Path.of(oldKey + ".pub")).split(" ");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(fleet.knownHosts()).stream()
                .filter(l -> !l.startsWith("[127.0.0.1]:" + suspect.port() + " ")).toList());
        lines.add("[127.0.0.1]:" + suspect.port() + " " + pub[0] + " " + pub[1]);
        Files.write(knownHosts, lines);
        Workspace ws = FleetWorkspaces.of(fleet, dir, knownHosts, fleet.servers());
        new WorkspaceStore().save(ws);
        service = new SshStatusService();
        FxToolkit.registerPrimaryStage();
        app = (UpkeepApp) FxToolkit.setupApplication(() -> new UpkeepApp(new AppServices(ws.file(), new WorkspaceStore(), service, null)));
        table = robot.lookup("#server-table").queryTableView();

        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> robot.lookup("#trust-substitution-0").tryQuery().isPresent()));
        assertThat(fx(() -> robot.lookup("#trust-table").tryQuery().isPresent())).as("no ordinary unknown keys here").isFalse();
        assertThat(fx(() -> robot.lookup(".fingerprint").queryAllAs(Labeled.class).stream().map(Labeled::getText).toList()))
                .anyMatch(t -> t.startsWith("known:") && t.contains("ecdsa-sha2-nistp384"))
                .anyMatch(t -> t.startsWith("offered:") && List.of("ed25519", "ecdsa", "rsa").stream()
                        .anyMatch(type -> t.contains(suspect.hostKeyFingerprint(type))));
        assertThat(fx(() -> row("srv02").state().reachable())).isFalse();

        robot.clickOn("#trust-substitution-0");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> robot.lookup("#confirm-typed").tryQuery().isPresent()));
        assertThat(fx(() -> robot.lookup("Trust the new key").queryButton().isDisabled())).isTrue();
        robot.clickOn("#confirm-typed").write("yes");
        robot.clickOn("Trust the new key");
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> row("srv02").state().reachable()));
        assertThat(Files.readAllLines(knownHosts).stream().filter(l -> l.startsWith("[127.0.0.1]:" + suspect.port() + " ")))
                .as("the new key is added beside the known one").hasSize(2);
        robot.clickOn("Cancel");
    }

    private ServerRow row(String server) {
        return table.getItems().stream().filter(r -> r.ref().server().equals(server)).findFirst().orElseThrow();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
